import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

// The loads and builds of the tests keep their checked articles and search records apart from the
// project's own caches (src/content/article-cache-folder.mjs, src/search/index-site.ts); the
// processes they start inherit them.
process.env.SARKHAT_ARTICLE_CACHES = path.join(os.tmpdir(), "sarkhat-test-article-caches");
process.env.SARKHAT_SEARCH_CACHES = path.join(os.tmpdir(), "sarkhat-test-search-caches");

// Unit tests run in two time zones far from Tehran: every date must come out the same.
const buildOnce = "tests/support/global-setup.ts";
const timeZoneSensitive = [
  "tests/unit/jalali.test.ts",
  "tests/unit/time.test.ts",
  "tests/unit/digits.test.ts",
];

export default defineConfig({
  test: {
    // Lets Eleventy (and everything it imports natively) load TypeScript.
    setupFiles: ["tsx/esm"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], env: { TZ: "UTC" } },
      },
      {
        extends: true,
        test: {
          name: "unit-los-angeles",
          include: timeZoneSensitive,
          env: { TZ: "America/Los_Angeles" },
        },
      },
      {
        extends: true,
        // Builds the sites once for the site and browser tests (Eleventy's programmatic API).
        test: {
          name: "site",
          include: ["tests/site/**/*.test.ts"],
          env: { TZ: "UTC" },
          globalSetup: [buildOnce],
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          fileParallelism: false,
          globalSetup: [buildOnce],
        },
      },
    ],
  },
});
