// @ts-check
/**
 * Where articles live. `SARKHAT_ARTICLES` points a build at another folder (the test fixtures,
 * the benchmark corpus) without copying the project; it is read at each build, not once.
 * JavaScript: scripts/start-article-load.mjs reads it before tsx is registered.
 */
import path from "node:path";

export const defaultArticlesDir = "content/news";

/** @returns {string} */
export function articlesDirectory() {
  return process.env.SARKHAT_ARTICLES?.trim() || defaultArticlesDir;
}

/**
 * The absolute folder a build reads, given its `--articles` option (or none): the one answer
 * scripts/start-article-load.mjs and src/build-command.ts must agree on, or the load started
 * early is not taken over and its work is lost.
 * @param {string | undefined} articlesOption
 * @returns {string}
 */
export function buildArticlesFolder(articlesOption) {
  return path.resolve(articlesOption ?? articlesDirectory());
}
