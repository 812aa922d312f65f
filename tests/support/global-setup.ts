/**
 * Build the site once before the site and browser tests: the real content into .cache/site/,
 * the escaping fixture into .cache/site-escaping/ and the 35-article newsroom fixture
 * (tests/fixtures/newsroom/, never published) into .cache/site-newsroom/, and the search fixture
 * (tests/fixtures/search/: spellings to search across) into .cache/site-search/.
 */
import { register } from "tsx/esm/api";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    siteDir: string;
    escapingSiteDir: string;
    newsroomSiteDir: string;
    /** The search fixture (tests/fixtures/search/): spellings to find across (issue 9). */
    searchSiteDir: string;
    /** How many files each build above said it wrote, by its output folder. */
    writtenFiles: Record<string, number>;
  }
}

interface Builds {
  siteDir: string;
  escapingSiteDir: string;
  newsroomSiteDir: string;
  searchSiteDir: string;
  writtenFiles: Record<string, number>;
}

async function buildAll(): Promise<Builds> {
  const unregister = register();
  try {
    const { buildSite } = await import("../../src/build.ts");
    const root = path.resolve(import.meta.dirname, "../..");
    const site = await buildSite({ root, outputDir: ".cache/site", quiet: true });
    const escaping = await buildSite({
      root,
      outputDir: ".cache/site-escaping",
      articlesDir: "tests/fixtures/escaping",
      quiet: true,
    });
    const newsroom = await buildSite({
      root,
      outputDir: ".cache/site-newsroom",
      articlesDir: "tests/fixtures/newsroom",
      quiet: true,
    });
    const search = await buildSite({
      root,
      outputDir: ".cache/site-search",
      articlesDir: "tests/fixtures/search",
      quiet: true,
    });
    return {
      siteDir: site.outputDir,
      escapingSiteDir: escaping.outputDir,
      newsroomSiteDir: newsroom.outputDir,
      searchSiteDir: search.outputDir,
      writtenFiles: Object.fromEntries(
        [site, escaping, newsroom, search].map((build) => [build.outputDir, build.written]),
      ),
    };
  } finally {
    await unregister();
  }
}

// Every project inherits this setup; the builds happen once per test run all the same.
const state = globalThis as { sarkhatBuilds?: Promise<Builds> };

export default async function setup(project: TestProject): Promise<void> {
  state.sarkhatBuilds ??= buildAll();
  const builds = await state.sarkhatBuilds;
  project.provide("siteDir", builds.siteDir);
  project.provide("escapingSiteDir", builds.escapingSiteDir);
  project.provide("newsroomSiteDir", builds.newsroomSiteDir);
  project.provide("searchSiteDir", builds.searchSiteDir);
  project.provide("writtenFiles", builds.writtenFiles);
}
