/**
 * The names under which an indexed article carries what its search result shows: written by
 * src/search/records.ts at build time, read by the search page's script in the browser.
 */
export const RESULT_FIELDS = {
  /** Meta: the indexed title, whose words open the indexed text. */
  indexedTitle: "title",
  /** Meta: the title as the editor wrote it, for display. */
  headline: "headline",
  /** Meta: the tags' indexed names, matched (and boosted) but never shown. */
  tags: "tags",
  /** Meta: the section's indexed name, matched (and boosted) but never shown. */
  indexedSection: "sectionName",
  /** Filter: the section's name. */
  section: "section",
  /** Filter: «پنج‌شنبه ۱۳ آذر ۱۳۹۹» (، ساعت ۰۹:۳۰). */
  date: "date",
  /** Filter: the `datetime` of the date: `2020-12-03`, or with its time and the Tehran offset. */
  datetime: "datetime",
} as const;

/**
 * Pagefind ranking options of the search page. Pagefind 1.6 matches words of meta fields too and
 * adds, per field, weight × the matched words' rarity × (share of the query matched)²: a title
 * that holds the whole query outranks a body that mentions it. The headline repeats the title,
 * which already counts, so it adds nothing.
 * https://pagefind.app/docs/ranking/
 */
export const SEARCH_RANKING = {
  metaWeights: {
    [RESULT_FIELDS.indexedTitle]: 5,
    [RESULT_FIELDS.headline]: 0,
    [RESULT_FIELDS.tags]: 3,
    [RESULT_FIELDS.indexedSection]: 1,
  },
} as const;
