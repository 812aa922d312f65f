const PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";
const ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩";

function assertString(value: unknown, name: string): asserts value is string {
  if (typeof value !== "string") {
    throw new TypeError(`${name} expects a string, got ${typeof value}: ${String(value)}`);
  }
}

/**
 * Write ASCII (and Arabic-Indic) digits as Persian digits: what a reader sees.
 * Numbers become strings; `toPersianDigits(1399)` → `"۱۳۹۹"`.
 */
export function toPersianDigits(value: string | number): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw new RangeError(`toPersianDigits expects a finite number, got ${value}`);
    }
    value = String(value);
  }
  assertString(value, "toPersianDigits");
  return value.replace(/[0-9٠-٩]/g, (digit) => {
    const ascii =
      digit.charCodeAt(0) <= 0x39 ? digit.charCodeAt(0) - 0x30 : ARABIC_INDIC_DIGITS.indexOf(digit);
    return PERSIAN_DIGITS[ascii]!;
  });
}

/** Write Persian and Arabic-Indic digits as ASCII digits: what a machine field needs. */
export function toAsciiDigits(value: string): string {
  assertString(value, "toAsciiDigits");
  return value.replace(/[۰-۹٠-٩]/g, (digit) => {
    const persian = PERSIAN_DIGITS.indexOf(digit);
    return String(persian === -1 ? ARABIC_INDIC_DIGITS.indexOf(digit) : persian);
  });
}
