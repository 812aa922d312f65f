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
