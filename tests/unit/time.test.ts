import { describe, expect, it } from "vitest";
import {
  offsetMinutes,
  parseZonedDateTime,
  perInstant,
  toIsoWithOffset,
  toRfc822,
  wallClock,
} from "../../src/time.ts";

const TEHRAN = "Asia/Tehran";

describe(`zoned time (process TZ=${process.env.TZ})`, () => {
  it.each([
    { input: "2020-12-03", utc: "2020-12-02T20:30:00.000Z", hasTime: false },
    { input: "2020-12-03T09:30", utc: "2020-12-03T06:00:00.000Z", hasTime: true },
    { input: "2020-12-03 09:30:15", utc: "2020-12-03T06:00:15.000Z", hasTime: true },
    { input: "2020-12-03T09:30+03:30", utc: "2020-12-03T06:00:00.000Z", hasTime: true },
    { input: "2020-12-03T06:00Z", utc: "2020-12-03T06:00:00.000Z", hasTime: true },
    // Iran kept summer time (+04:30) until 2022.
    { input: "2020-07-01T10:00", utc: "2020-07-01T05:30:00.000Z", hasTime: true },
    { input: "2024-07-01T10:00", utc: "2024-07-01T06:30:00.000Z", hasTime: true },
  ])("reads $input as Tehran time ($utc)", ({ input, utc, hasTime }) => {
    const parsed = parseZonedDateTime(input, TEHRAN);
    expect(parsed?.date.toISOString()).toBe(utc);
    expect(parsed?.hasTime).toBe(hasTime);
  });

  it.each(["2020-13-01", "2020-02-30", "2020-12-03T25:00", "13 Azar 1399", "", "2020-12-3"])(
    "refuses %j",
    (input) => {
      expect(parseZonedDateTime(input, TEHRAN)).toBeUndefined();
    },
  );

  it("knows Tehran's offsets", () => {
    expect(offsetMinutes(new Date("2020-12-03T00:00:00Z"), TEHRAN)).toBe(210);
    expect(offsetMinutes(new Date("2020-07-01T00:00:00Z"), TEHRAN)).toBe(270);
  });

  it("writes ISO 8601 with the Tehran offset and ASCII digits", () => {
    expect(toIsoWithOffset(new Date("2020-12-02T20:30:00Z"), TEHRAN)).toBe(
      "2020-12-03T00:00:00+03:30",
    );
  });

  it("writes RFC 822 with the Tehran offset", () => {
    expect(toRfc822(new Date("2020-12-02T20:30:00Z"), TEHRAN)).toBe(
      "Thu, 03 Dec 2020 00:00:00 +0330",
    );
    expect(toRfc822(new Date("2020-07-01T05:30:00Z"), TEHRAN)).toBe(
      "Wed, 01 Jul 2020 10:00:00 +0430",
    );
  });
});

// wallClock asks Intl once per UTC day and zone (src/time.ts): it must read every instant exactly
// as Intl does, on days when the offset changes too, in zones with half- and quarter-hour
// offsets and half-hour daylight saving, and before standard time (Tehran's local mean time
// was +03:25:44).
describe("wallClock agrees with Intl instant by instant", () => {
  const zones = [
    "Asia/Tehran",
    "America/Los_Angeles",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Europe/Dublin",
  ];
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  const readers = new Map<string, Intl.DateTimeFormat>();
  const fromIntl = (date: Date, timeZone: string) => {
    let reader = readers.get(timeZone);
    if (!reader)
      readers.set(
        timeZone,
        (reader = new Intl.DateTimeFormat("en-US-u-ca-gregory-nu-latn", {
          timeZone,
          year: "numeric",
          month: "numeric",
          day: "numeric",
          hour: "numeric",
          minute: "numeric",
          second: "numeric",
          weekday: "short",
          hourCycle: "h23",
        })),
      );
    const parts = Object.fromEntries(
      reader.formatToParts(date).map((part) => [part.type, part.value]),
    );
    return {
      year: Number(parts.year),
      month: Number(parts.month),
      day: Number(parts.day),
      hour: Number(parts.hour),
      minute: Number(parts.minute),
      second: Number(parts.second),
      weekday: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(parts.weekday!),
    };
  };
  // Offset as Intl tells it, independently of the code under test.
  const intlOffset = (time: number, zone: string) => {
    const c = fromIntl(new Date(time), zone);
    return (
      Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) -
      Math.floor(time / 1000) * 1000
    );
  };

  it.each(zones)("in %s, every 5 days and around each offset change, 1900–2030", (zone) => {
    const instants: number[] = [];
    const step = 5 * DAY;
    for (let time = Date.UTC(1900, 0, 1, 7, 13, 29); time < Date.UTC(2030, 0, 1); time += step) {
      instants.push(time);
      if (intlOffset(time, zone) === intlOffset(time + step, zone)) continue;
      // Bisect to the first second of the new offset, then look at it, its neighbours and the
      // edges of its UTC day.
      let [low, high] = [time, time + step];
      while (high - low > 1000) {
        const middle = low + Math.floor((high - low) / 2000) * 1000;
        if (intlOffset(middle, zone) === intlOffset(time, zone)) low = middle;
        else high = middle;
      }
      const dayStart = Math.floor(high / DAY) * DAY;
      instants.push(
        high - 1000,
        high,
        high + 1000,
        high - HOUR,
        high + HOUR,
        dayStart,
        dayStart + DAY - 1000,
      );
    }
    for (const time of instants) {
      const date = new Date(time);
      expect(wallClock(date, zone), `${date.toISOString()} in ${zone}`).toEqual(
        fromIntl(date, zone),
      );
    }
  });
});

describe("perInstant", () => {
  it("formats an instant once per zone, tells zones apart, and freezes what it shares", () => {
    const calls: string[] = [];
    const describeInstant = perInstant("describeInstant", (date, timeZone) => {
      calls.push(`${date.toISOString()} ${timeZone}`);
      return { text: `${toIsoWithOffset(date, timeZone)}` };
    });
    const first = describeInstant(new Date("2020-12-03T06:00:00Z"), TEHRAN);
    // Another Date object of the same instant: answered from the memo.
    const again = describeInstant(new Date("2020-12-03T06:00:00Z"), TEHRAN);
    const elsewhere = describeInstant(new Date("2020-12-03T06:00:00Z"), "Europe/London");
    expect(again, "the same instant and zone give the very same value").toBe(first);
    expect(first.text).toBe("2020-12-03T09:30:00+03:30");
    expect(elsewhere.text, "another zone is formatted for itself").toBe(
      "2020-12-03T06:00:00+00:00",
    );
    expect(calls, "one formatting per instant and zone").toEqual([
      "2020-12-03T06:00:00.000Z Asia/Tehran",
      "2020-12-03T06:00:00.000Z Europe/London",
    ]);
    expect(Object.isFrozen(first), "a shared object cannot be changed by one caller").toBe(true);
  });

  it("throws naming the function for an invalid date, before the memo is consulted", () => {
    const describeInstant = perInstant("describeInstant", (date) => date.getTime());
    expect(() => describeInstant(new Date(Number.NaN), TEHRAN)).toThrow(
      "describeInstant expects a valid Date, got Invalid Date",
    );
  });
});
