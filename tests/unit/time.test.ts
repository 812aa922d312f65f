import { describe, expect, it } from "vitest";
import { offsetMinutes, parseZonedDateTime, toIsoWithOffset, toRfc822 } from "../../src/time.ts";

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
