/**
 * Every spelling of a word finds the same articles of the search fixture (tests/fixtures/search/),
 * however either side typed it: [query, the articles it must find, in any order].
 */
export const SPELLING_QUERIES: [string, number[]][] = [
  // The example, typed with a ZWNJ, fused and with a space; the fixture has the
  // title typed each of these ways too (5001 ZWNJ, 5002 fused, 5003 apart).
  ["تروریست‌ها", [5001, 5002, 5003]],
  ["تروریستها", [5001, 5002, 5003]],
  ["تروریست ها", [5001, 5002, 5003]],
  ["قره‌باغ", [5001]],
  ["قرهباغ", [5001]],
  ["قره باغ", [5001]],
  // Arabic and Persian letters, on either side (5004 was typed with Arabic ي and ك).
  ["قیمت نفت", [5004]],
  ["قيمت نفت", [5004]],
  ["کرمان", [5005, 5014]],
  ["كرمان", [5005, 5014]],
  ["مي‌گويند", [5002, 5004, 5008]],
  // Persian and ASCII digits.
  ["۲ هزار", [5005]],
  ["2 هزار", [5005]],
  ["ناهید ۲", [5015]],
  ["ناهید 2", [5015]],
];

/**
 * Real queries over the search fixture (tests/fixtures/search/), with the articles each must
 * return: the unit test runs them through the engine in Node, the browser test through the page.
 * Each row: [query, the results that come first and in this order, others that must be there too].
 */
export const REAL_QUERIES: [string, number[], number[]][] = [
  ["تورم", [5007, 5008], []],
  ["بین المللی", [5010], [5012]],
  ["بین‌المللی", [5010], [5012]],
  ["آتش سوزی", [5010], []],
  ["می رسد", [5009], []],
  ["میرسد", [5009], []],
  ["رییس جمهور فرانسه", [5011], []],
  ["گفت و گو", [5011], [5003, 5013]],
  ["بزرگ ترین", [5012], []],
  ["بزرگ‌ترین نمایشگاه", [5012], []],
  ["G20", [5013], []],
  ["خانه اش", [5014], []],
  ["جام جهانی", [5006], []],
  ["واکسن", [5009], [5013]],
  ["بانک مرکزی", [5007], []],
  ["زلزله", [5005], []],
];
