import { perInstant, wallClock } from "../time.ts";
import { toPersianDigits } from "./digits.ts";

/** A day in the Solar Hijri (Jalali) calendar, with the time of day, in one time zone. */
export interface JalaliDate {
  year: number;
  /** 1 = Farvardin … 12 = Esfand. */
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday, as `Date#getDay()` counts. */
  weekday: number;
  hour: number;
  minute: number;
}

export const JALALI_MONTH_NAMES = [
  "فروردین",
  "اردیبهشت",
  "خرداد",
  "تیر",
  "مرداد",
  "شهریور",
  "مهر",
  "آبان",
  "آذر",
  "دی",
  "بهمن",
  "اسفند",
] as const;

// Written by hand because ICU's Persian weekday names drop the نیم‌فاصله («پنجشنبه»).
const WEEKDAY_NAMES = [
  "یکشنبه",
  "دوشنبه",
  "سه‌شنبه",
  "چهارشنبه",
  "پنج‌شنبه",
  "جمعه",
  "شنبه",
] as const;
const formatters = new Map<string, Intl.DateTimeFormat>();

function persianCalendarFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Intl does the calendar arithmetic; latn digits keep the parts machine-readable.
    formatter = new Intl.DateTimeFormat("en-US-u-ca-persian-nu-latn", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Days since 1970-01-01 of a wall-clock date: the same number for every instant of that local day. */
function localDayNumber(clock: { year: number; month: number; day: number }): number {
  return Date.UTC(clock.year, clock.month - 1, clock.day) / 86_400_000;
}

// Intl's calendar arithmetic, once per local day and zone however many articles share the day
// (see wallClock in src/time.ts, which gives the time of day and the weekday without Intl).
const jalaliDays = new Map<string, { year: number; month: number; day: number }>();

/** The Jalali date of `date` as seen on a wall clock in `timeZone` (Tehran by default). */
export function toJalali(date: Date, timeZone = "Asia/Tehran"): Readonly<JalaliDate> {
  return jalaliPerInstant(date, timeZone);
}

const jalaliPerInstant = perInstant("toJalali", (date, timeZone): JalaliDate => {
  const clock = wallClock(date, timeZone);
  const key = `${timeZone} ${localDayNumber(clock)}`;
  let day = jalaliDays.get(key);
  if (!day) {
    const parts: Record<string, string> = {};
    for (const part of persianCalendarFormatter(timeZone).formatToParts(date))
      parts[part.type] = part.value;
    day = { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
    jalaliDays.set(key, day);
  }
  return { ...day, weekday: clock.weekday, hour: clock.hour, minute: clock.minute };
});

/** The Persian name of a Jalali month, 1 = «فروردین». */
export function jalaliMonthName(month: number): string {
  const name = JALALI_MONTH_NAMES[month - 1];
  if (!Number.isInteger(month) || name === undefined) {
    throw new RangeError(`jalaliMonthName expects a month from 1 to 12, got ${month}`);
  }
  return name;
}

/** The Persian name of a weekday, 0 = Sunday = «یکشنبه». */
export function persianWeekdayName(weekday: number): string {
  const name = WEEKDAY_NAMES[weekday];
  if (!Number.isInteger(weekday) || name === undefined) {
    throw new RangeError(`persianWeekdayName expects a weekday from 0 to 6, got ${weekday}`);
  }
  return name;
}

/** «پنج‌شنبه ۱۳ آذر ۱۳۹۹»: weekday, day, month name and year, as Persian readers expect. */
export function formatJalaliDate(date: Date, timeZone = "Asia/Tehran"): string {
  return jalaliDateText(date, timeZone);
}

const jalaliDateText = perInstant("formatJalaliDate", (date, timeZone) => {
  const j = toJalali(date, timeZone);
  return `${persianWeekdayName(j.weekday)} ${toPersianDigits(j.day)} ${jalaliMonthName(j.month)} ${toPersianDigits(j.year)}`;
});

/** «آذر ۱۳۹۹»: a month of the archive. */
export function formatJalaliMonth(year: number, month: number): string {
  return `${jalaliMonthName(month)} ${toPersianDigits(year)}`;
}

/** «۰۹:۰۵»: 24-hour time of day with Persian digits. */
export function formatPersianTime(date: Date, timeZone = "Asia/Tehran"): string {
  return persianTimeText(date, timeZone);
}

const persianTimeText = perInstant("formatPersianTime", (date, timeZone) => {
  const j = toJalali(date, timeZone);
  return toPersianDigits(`${String(j.hour).padStart(2, "0")}:${String(j.minute).padStart(2, "0")}`);
});

const gregorianFormatters = new Map<string, Intl.DateTimeFormat>();
const gregorianDays = new Map<string, string>();

/** «۳ دسامبر ۲۰۲۰»: the Gregorian date in Persian, shown quieter beside the Jalali one. */
export function formatGregorianDate(date: Date, timeZone = "Asia/Tehran"): string {
  return gregorianDateText(date, timeZone);
}

const gregorianDateText = perInstant("formatGregorianDate", (date, timeZone) => {
  // Intl once per local day and zone, like toJalali.
  const key = `${timeZone} ${localDayNumber(wallClock(date, timeZone))}`;
  const known = gregorianDays.get(key);
  if (known !== undefined) return known;
  let formatter = gregorianFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("fa-IR-u-ca-gregory-nu-arabext", {
      timeZone,
      day: "numeric",
      month: "long",
      year: "numeric",
    });
    gregorianFormatters.set(timeZone, formatter);
  }
  const text = formatter.format(date);
  gregorianDays.set(key, text);
  return text;
});
