import { describe, expect, it } from "vitest";
import { toAsciiDigits, toPersianDigits } from "../../src/persian/digits.ts";

describe("toPersianDigits", () => {
  it.each([
    ["1399", "۱۳۹۹"],
    ["13:05", "۱۳:۰۵"],
    ["٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"],
    ["بیش از 2 هزار", "بیش از ۲ هزار"],
    ["no digits", "no digits"],
  ])("writes %j as %j", (input, expected) => {
    expect(toPersianDigits(input)).toBe(expected);
  });

  it("accepts finite numbers", () => {
    expect(toPersianDigits(1001)).toBe("۱۰۰۱");
  });

  it("rejects values it cannot write, naming them", () => {
    expect(() => toPersianDigits(Number.NaN)).toThrow(/NaN/);
    expect(() => toPersianDigits(undefined as unknown as string)).toThrow(/undefined/);
  });
});

describe("toAsciiDigits", () => {
  it.each([
    ["۱۳۹۹", "1399"],
    ["٢٠٢٠", "2020"],
    ["کد ۱۰۰۱", "کد 1001"],
  ])("writes %j as %j", (input, expected) => {
    expect(toAsciiDigits(input)).toBe(expected);
  });

  it("round-trips with toPersianDigits", () => {
    expect(toAsciiDigits(toPersianDigits("0123456789"))).toBe("0123456789");
  });
});
