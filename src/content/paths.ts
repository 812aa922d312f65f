/**
 * Where articles live. `SARKHAT_ARTICLES` points a build at another folder (the test fixtures,
 * the benchmark corpus) without copying the project; it is read at each build, not once.
 */
export const defaultArticlesDir = "content/news";

export function articlesDirectory(): string {
  return process.env.SARKHAT_ARTICLES?.trim() || defaultArticlesDir;
}
