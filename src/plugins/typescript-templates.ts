import type UserConfig from "@11ty/eleventy/UserConfig";

/**
 * Templates and layouts written as TypeScript functions (`*.11ty.ts`), run by Eleventy's JavaScript
 * engine: typed data, escaping by default, and much cheaper per page than a template language.
 * https://www.11ty.dev/docs/languages/typescript/
 */
export default function typescriptTemplates(eleventyConfig: UserConfig): void {
  eleventyConfig.addExtension(["11ty.ts"], { key: "11ty.js" });
  eleventyConfig.addTemplateFormats("11ty.ts");
  // A changed module cannot be unloaded, and Eleventy does not follow TypeScript imports: rather
  // than rebuild with half the old code, `npm start` restarts Eleventy when code changes
  // (scripts/start.ts), so its own watcher leaves TypeScript files alone.
  // https://www.11ty.dev/docs/watch-serve/#ignore-watching-files
  eleventyConfig.watchIgnores?.add("**/*.ts");
}
