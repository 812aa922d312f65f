/**
 * Persian typography linter. Usage: tsx scripts/lint-fa.ts [paths…] [--fix]
 * Reports `file:line:col word → suggestion (rule)`; exits 1 while findings remain.
 * --fix writes the high-confidence fixes; low-confidence findings stay as warnings.
 */
import { formatFinding, lintContentFiles, summarizeFindings } from "../src/persian/lint-files.ts";

const DEFAULT_PATHS = ["content/"];

async function main(argv: readonly string[]): Promise<number> {
  const unknown = argv.filter((arg) => arg.startsWith("-") && arg !== "--fix");
  if (unknown.length > 0) {
    console.error(
      `lint-fa: unknown option ${unknown.join(", ")}\nusage: tsx scripts/lint-fa.ts [paths…] [--fix]`,
    );
    return 2;
  }
  const paths = argv.filter((arg) => !arg.startsWith("-"));
  const result = await lintContentFiles(paths.length > 0 ? paths : DEFAULT_PATHS, {
    fix: argv.includes("--fix"),
  });
  for (const file of result.fixedFiles) console.log(`fixed ${file}`);
  for (const finding of result.findings) console.log(formatFinding(finding));
  console.log(summarizeFindings(result));
  return result.findings.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
