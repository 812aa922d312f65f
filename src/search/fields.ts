/**
 * The parts of an article the search index matches, and how much a word in each counts against
 * 1 for the body. The title, surtitle, lead and body are also the text excerpts are cut from; tags
 * and the section are matched and boosted but never shown in an excerpt (a row of tag names is
 * not a sentence). README, "Search".
 */
export const FIELD_WEIGHTS = {
  title: 10,
  surtitle: 5,
  lead: 5,
  body: 1,
  tags: 3,
  section: 1,
} as const;

export type SearchField = keyof typeof FIELD_WEIGHTS;
