/**
 * `npm run build`: build `_site/` atomically. On bad content it prints every problem and exits 1.
 * `--output <dir>` and `--articles <dir>` build elsewhere or from other articles (tests, benchmark).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { buildSite, removeBuildLeftovers } from "../src/build.ts";
import { articlesDirectory } from "../src/content/paths.ts";
import { stopPageWrites } from "../src/page-writer.ts";
import { startTypographySummary } from "../src/typography-summary.ts";
import { ContentValidationError } from "../src/content/problems.ts";

function findValidationError(error: unknown): ContentValidationError | undefined {
  // Eleventy wraps errors thrown from data functions; the original is somewhere down the chain.
  for (let current = error; current instanceof Error; current = current.cause) {
    if (current instanceof ContentValidationError || current.name === "ContentValidationError")
      return current as ContentValidationError;
  }
  return undefined;
}

const { values } = parseArgs({
  options: { output: { type: "string" }, articles: { type: "string" } },
});

// Ctrl-C or a CI timeout mid-build: take this build's temporary folder with it. (A build killed
// outright leaves it behind; the next build removes it, see removeBuildLeftovers.)
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const) {
  process.once(signal, async () => {
    // Pages are written in the background (src/page-writer.ts): let the writes under way land
    // first, or one could recreate the folder just removed.
    await stopPageWrites();
    removeBuildLeftovers(path.resolve(values.output ?? "_site"), process.pid);
    console.error(`The build was interrupted (${signal}); the previous site was left untouched.`);
    process.exit(code);
  });
}

try {
  const started = performance.now();
  // Typography findings never fail the build; the lint runs beside it and reports in one line.
  const typography = startTypographySummary([
    values.articles ?? articlesDirectory(),
    "content/pages",
  ]);
  const { outputDir, written } = await buildSite({
    quiet: true,
    outputDir: values.output,
    articlesDir: values.articles,
  });
  console.log(
    `Built ${written} files into ${outputDir} in ${((performance.now() - started) / 1000).toFixed(2)} s`,
  );
  console.log(
    await typography.catch(
      (error: unknown) => `Persian typography: not checked (${String(error)})`,
    ),
  );
} catch (error) {
  const invalid = findValidationError(error);
  console.error(invalid ? invalid.message : error);
  console.error(`The build failed; the previous ${values.output ?? "_site"}/ was left untouched.`);
  process.exitCode = 1;
}
