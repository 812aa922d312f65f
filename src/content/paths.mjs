// @ts-check
/**
 * Where articles live. `SARKHAT_ARTICLES` points a build at another folder (the test fixtures,
 * the benchmark corpus) without copying the project; it is read at each build, not once.
 * JavaScript: scripts/start-article-load.mjs reads it before tsx is registered.
 */
export const defaultArticlesDir = "content/news";

/** @returns {string} */
export function articlesDirectory() {
  return process.env.SARKHAT_ARTICLES?.trim() || defaultArticlesDir;
}
