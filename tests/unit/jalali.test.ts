import { describe, expect, it } from "vitest";
import {
  formatGregorianDate,
  formatJalaliDate,
  formatJalaliMonth,
  formatPersianTime,
  jalaliMonthName,
  toJalali,
} from "../../src/persian/jalali.ts";

const TEHRAN = "Asia/Tehran";

// Instants given in UTC; expected values are calendar facts, not computed by the code under test.
const cases = [
  {
    what: "Nowruz 1399 (1 Farvardin)",
    utc: "2020-03-20T08:00:00Z",
    year: 1399,
    month: 1,
    day: 1,
    text: "جمعه ۱ فروردین ۱۳۹۹",
  },
  {
    what: "the day of the Minsk Group statement",
    utc: "2020-12-03T06:00:00Z",
    year: 1399,
    month: 9,
    day: 13,
    text: "پنج‌شنبه ۱۳ آذر ۱۳۹۹",
  },
  {
    what: "the last day of leap year 1403 (30 Esfand)",
    utc: "2025-03-20T12:00:00Z",
    year: 1403,
    month: 12,
    day: 30,
    text: "پنج‌شنبه ۳۰ اسفند ۱۴۰۳",
  },
  {
    what: "Nowruz 1404, right after the leap day",
    utc: "2025-03-21T12:00:00Z",
    year: 1404,
    month: 1,
    day: 1,
    text: "جمعه ۱ فروردین ۱۴۰۴",
  },
  {
    what: "29 Esfand of common year 1402",
    utc: "2024-03-19T12:00:00Z",
    year: 1402,
    month: 12,
    day: 29,
    text: "سه‌شنبه ۲۹ اسفند ۱۴۰۲",
  },
  {
    what: "1 Mehr 1399",
    utc: "2020-09-22T12:00:00Z",
    year: 1399,
    month: 7,
    day: 1,
    text: "سه‌شنبه ۱ مهر ۱۳۹۹",
  },
  {
    what: "1 Dey 1399",
    utc: "2020-12-21T12:00:00Z",
    year: 1399,
    month: 10,
    day: 1,
    text: "دوشنبه ۱ دی ۱۳۹۹",
  },
  {
    what: "22 Bahman 1357",
    utc: "1979-02-11T12:00:00Z",
    year: 1357,
    month: 11,
    day: 22,
    text: "یکشنبه ۲۲ بهمن ۱۳۵۷",
  },
  // 00:10 in Tehran on 13 Azar is still 2 December (20:40) in UTC.
  {
    what: "just after midnight in Tehran, still the previous day in UTC",
    utc: "2020-12-02T20:40:00Z",
    year: 1399,
    month: 9,
    day: 13,
    text: "پنج‌شنبه ۱۳ آذر ۱۳۹۹",
  },
  {
    what: "just before midnight in Tehran",
    utc: "2020-12-02T20:29:00Z",
    year: 1399,
    month: 9,
    day: 12,
    text: "چهارشنبه ۱۲ آذر ۱۳۹۹",
  },
] as const;

describe(`Jalali dates in Tehran (process TZ=${process.env.TZ})`, () => {
  it("runs in the time zone the project asked for, not Tehran", () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.TZ);
    expect(process.env.TZ).not.toBe(TEHRAN);
  });

  it.each(cases)("$what is $text", ({ utc, year, month, day, text }) => {
    const date = new Date(utc);
    expect(toJalali(date, TEHRAN)).toMatchObject({ year, month, day });
    expect(formatJalaliDate(date, TEHRAN)).toBe(text);
  });

  it("writes the weekday with its نیم‌فاصله, unlike ICU's «پنجشنبه»", () => {
    expect(formatJalaliDate(new Date("2020-12-03T06:00:00Z"))).toContain("پنج\u200cشنبه");
  });

  it("formats the time of day in Tehran with Persian digits", () => {
    expect(formatPersianTime(new Date("2020-12-02T20:40:00Z"), TEHRAN)).toBe("۰۰:۱۰");
  });

  it("formats an archive month", () => {
    expect(formatJalaliMonth(1399, 9)).toBe("آذر ۱۳۹۹");
  });

  it("names all twelve months and rejects a thirteenth", () => {
    expect(jalaliMonthName(1)).toBe("فروردین");
    expect(jalaliMonthName(12)).toBe("اسفند");
    expect(() => jalaliMonthName(13)).toThrow(/13/);
  });

  it("writes the Gregorian date in Persian for the quieter line", () => {
    expect(formatGregorianDate(new Date("2020-12-03T06:00:00Z"), TEHRAN)).toBe("۳ دسامبر ۲۰۲۰");
  });

  it("rejects an invalid Date instead of printing «Invalid Date»", () => {
    expect(() => formatJalaliDate(new Date("nope"))).toThrow(/Invalid Date/);
  });
});
