/**
 * Wall-clock time in a named time zone, independent of the build machine's own zone.
 * Everything goes through `Intl` with an explicit `timeZone`, never `Date#getHours()` & co.
 */

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday, as `Date#getDay()` counts. */
  weekday: number;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const formatters = new Map<string, Intl.DateTimeFormat>();

function gregorianFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US-u-ca-gregory-nu-latn", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function assertValidDate(date: unknown, name: string): asserts date is Date {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new TypeError(`${name} expects a valid Date, got ${String(date)}`);
  }
}

const SECOND = 1000;
const DAY = 86_400_000;

/** The zone's offset at `time` in milliseconds, to the second (old local mean times have seconds). */
function readOffset(time: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const part of gregorianFormatter(timeZone).formatToParts(new Date(time)))
    parts[part.type] = part.value;
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(time / SECOND) * SECOND;
}

// Intl formatting was the costliest call of a large build (every article's instant is shown on its
// page, in lists, feeds and the sitemap). Offsets change a few times a year at most, never twice
// within a day: when a UTC day starts and ends at one offset, every instant of it has that offset.
// So Intl is asked twice per day and zone, and once more per instant only on a day of change.
const dayOffsets = new Map<string, number | null>();

function offsetAt(time: number, timeZone: string): number {
  const day = Math.floor(time / DAY);
  const key = `${timeZone} ${day}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const start = readOffset(day * DAY, timeZone);
    offset = start === readOffset((day + 1) * DAY - SECOND, timeZone) ? start : null;
    dayOffsets.set(key, offset);
  }
  return offset ?? readOffset(time, timeZone);
}

// Past this many instants of one zone a memo starts afresh: far more than any archive's dates,
// and a long `npm start` session (which formats the clock's time at each rebuild) stays small.
const INSTANTS_PER_ZONE = 200_000;

/**
 * `format` remembered per instant and zone; `name` names it in the error for an invalid date.
 * An article's instant is formatted on its page, in every list showing it, in three feeds and the
 * sitemap: made once each, the date texts of a 10,000-article build went from a quarter of a
 * second to nothing. What `format` gives must not be changed by its callers (objects are frozen).
 */
export function perInstant<T>(
  name: string,
  format: (date: Date, timeZone: string) => T,
): (date: Date, timeZone: string) => T {
  const zones = new Map<string, Map<number, T>>();
  return (date, timeZone) => {
    assertValidDate(date, name);
    let known = zones.get(timeZone);
    if (!known) zones.set(timeZone, (known = new Map()));
    const time = date.getTime();
    let value = known.get(time);
    if (value === undefined) {
      value = format(date, timeZone);
      if (typeof value === "object" && value !== null) Object.freeze(value);
      if (known.size >= INSTANTS_PER_ZONE) known.clear();
      known.set(time, value);
    }
    return value;
  };
}

/** The Gregorian wall clock of `date` in `timeZone`. */
export const wallClock: (date: Date, timeZone: string) => Readonly<WallClock> = perInstant(
  "wallClock",
  readWallClock,
);

function readWallClock(date: Date, timeZone: string): WallClock {
  const time = date.getTime();
  const local = new Date(Math.floor(time / SECOND) * SECOND + offsetAt(time, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: local.getUTCDay(),
  };
}

/** Minutes east of UTC that `timeZone` observed at `date` (Tehran: 210, or 270 in its old summer time). */
export function offsetMinutes(date: Date, timeZone: string): number {
  assertValidDate(date, "offsetMinutes");
  return Math.round(offsetAt(date.getTime(), timeZone) / 60_000);
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

function formatOffset(minutes: number, separator: string): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${separator}${pad(abs % 60)}`;
}

/** ISO 8601 with the zone's offset and ASCII digits: `2020-12-03T00:00:00+03:30`. */
export const toIsoWithOffset = perInstant("toIsoWithOffset", (date, timeZone): string => {
  const c = wallClock(date, timeZone);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}${formatOffset(offsetMinutes(date, timeZone), ":")}`;
});

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** RFC 822 (as RSS 2.0 wants it) with the zone's offset: `Thu, 03 Dec 2020 00:00:00 +0330`. */
export const toRfc822 = perInstant("toRfc822", (date, timeZone): string => {
  const c = wallClock(date, timeZone);
  return `${WEEKDAYS[c.weekday]}, ${pad(c.day)} ${MONTHS[c.month - 1]} ${pad(c.year, 4)} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)} ${formatOffset(offsetMinutes(date, timeZone), "")}`;
});

const LOCAL_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

export interface ParsedDateTime {
  date: Date;
  /** False for a bare day (`2020-12-03`): pages then show the day without a time. */
  hasTime: boolean;
}

/**
 * Parse the dates editors write. A value without an offset is wall-clock time in `timeZone`,
 * whatever zone the build machine is in. Returns `undefined` for anything else, so the caller can
 * report the bad value with its file and field.
 */
export function parseZonedDateTime(value: string, timeZone: string): ParsedDateTime | undefined {
  const match = LOCAL_DATE_TIME.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, zone] = match;
  const fields = [
    Number(y),
    Number(mo),
    Number(d),
    Number(h ?? 0),
    Number(mi ?? 0),
    Number(s ?? 0),
  ] as const;
  const [year, month, day, hour, minute, second] = fields;
  const naive = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(naive);
  // Date.UTC rolls 2020-02-31 over to March; a real calendar date survives the round trip.
  if (
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  let time: number;
  if (zone) {
    const offset =
      zone === "Z"
        ? 0
        : (zone.startsWith("-") ? -1 : 1) *
          (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
    time = naive - offset * 60_000;
  } else {
    // Two passes settle the offset even next to a daylight-saving change (Tehran had one until 2022).
    time = naive - offsetMinutes(new Date(naive), timeZone) * 60_000;
    time = naive - offsetMinutes(new Date(time), timeZone) * 60_000;
  }
  return { date: new Date(time), hasTime: h !== undefined };
}
