/**
 * Build the site with Eleventy's programmatic API and publish it atomically: the output is written
 * to a temporary sibling folder and swapped in only when the whole build succeeded, so a failed
 * build leaves the previous site byte-for-byte as it was and no temporary folder behind.
 * https://www.11ty.dev/docs/programmatic/
 */
import Eleventy from "@11ty/eleventy";
import { randomBytes } from "node:crypto";
import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { readArticles } from "./content/load-articles.ts";
import { articlesDirectory } from "./content/paths.ts";
import { ContentValidationError } from "./content/problems.ts";

export interface BuildOptions {
  /** Where the site goes; `_site` by default. */
  outputDir?: string;
  /** The project root holding .eleventy.ts; the working directory by default. */
  root?: string;
  quiet?: boolean;
  /** Build from another articles folder (test fixtures, the benchmark corpus). */
  articlesDir?: string;
}

export interface BuildResult {
  outputDir: string;
  /** Files Eleventy wrote, passthrough copies included. */
  written: number;
}

export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const root = path.resolve(options.root ?? process.cwd());
  const outputDir = path.resolve(root, options.outputDir ?? "_site");
  const staging = `${outputDir}.building-${randomBytes(4).toString("hex")}`;
  const previousCwd = process.cwd();
  const previousArticles = process.env.SARKHAT_ARTICLES;
  process.chdir(root);
  if (options.articlesDir) process.env.SARKHAT_ARTICLES = options.articlesDir;
  try {
    // Validate every article before Eleventy starts, so a bad article fails fast with one report
    // (the loader caches what it checked, so Eleventy's own load does not parse anything twice).
    const { problems } = readArticles({ dir: path.resolve(root, articlesDirectory()), root });
    if (problems.length) throw new ContentValidationError(problems);
    const eleventy = new Eleventy("content", staging, { configPath: ".eleventy.ts", quietMode: options.quiet ?? false });
    const results = (await eleventy.write()) as unknown;
    const written = Array.isArray(results) ? results.flat(Infinity).length : 0;
    publish(staging, outputDir);
    return { outputDir, written };
  } catch (error) {
    // Eleventy's passthrough copies may still be landing after write() rejects: let them settle.
    await new Promise((resolve) => setTimeout(resolve, 200));
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    process.chdir(previousCwd);
    if (previousArticles === undefined) delete process.env.SARKHAT_ARTICLES;
    else process.env.SARKHAT_ARTICLES = previousArticles;
  }
}

function publish(staging: string, outputDir: string): void {
  const retired = `${outputDir}.previous-${randomBytes(4).toString("hex")}`;
  const hadPrevious = existsSync(outputDir);
  if (hadPrevious) renameSync(outputDir, retired);
  renameSync(staging, outputDir);
  if (hadPrevious) rmSync(retired, { recursive: true, force: true });
}
