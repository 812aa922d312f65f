/**
 * `npm run build`: build `_site/` atomically. On bad content it prints every problem and exits 1.
 * `--output <dir>` and `--articles <dir>` build elsewhere or from other articles (tests, benchmark).
 */
import { parseArgs } from "node:util";
import { buildSite } from "../src/build.ts";
import { ContentValidationError } from "../src/content/problems.ts";

function findValidationError(error: unknown): ContentValidationError | undefined {
  // Eleventy wraps errors thrown from data functions; the original is somewhere down the chain.
  for (let current = error; current instanceof Error; current = current.cause) {
    if (current instanceof ContentValidationError || current.name === "ContentValidationError") return current as ContentValidationError;
  }
  return undefined;
}

try {
  const started = performance.now();
  const { values } = parseArgs({ options: { output: { type: "string" }, articles: { type: "string" } } });
  const { outputDir, written } = await buildSite({ quiet: true, outputDir: values.output, articlesDir: values.articles });
  console.log(`Built ${written} files into ${outputDir} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
} catch (error) {
  const invalid = findValidationError(error);
  console.error(invalid ? invalid.message : error);
  console.error("The build failed; the previous _site/ was left untouched.");
  process.exitCode = 1;
}
