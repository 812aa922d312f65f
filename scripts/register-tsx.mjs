/**
 * `node --import ./scripts/register-tsx.mjs script.ts`: what `tsx script.ts` does for the build,
 * minus a second of tsx's overhead. `npm run build` runs its program from a bundle instead
 * (scripts/run-bundled.mjs), and comes here only where that bundle cannot be made.
 *
 * tsx registers module hooks that run in a thread of their own,
 * and every module loaded after that waits on the thread to resolve and read it, the ~500 modules
 * of Eleventy and the other packages included, though they are JavaScript already. Loaded first,
 * without the hooks, they cost 0.5 s less CPU and the build starts 0.25 s sooner (measured on
 * this project's 2-core machine, `npm run build`'s imports: 1.7 s of CPU and 1.1 s with tsx's
 * hooks from the start, 1.15 s and 0.85 s with this).
 *
 * The list is what every build loads on this thread. esbuild (bundles are made only when the code
 * changed: src/bundle-cache.ts), subset-font (fonts are subset only when their cache misses:
 * src/fonts.ts), `yaml` (front matter of an unusual shape: src/content/front-matter.ts) and zod
 * (an article not in the cache of checked ones: src/article.ts) load where they are needed, and
 * most builds never need them; loading them took 0.3 s of this thread's start, measured at 1,000
 * articles.
 *
 * A package left out of this list still loads, through the hooks; a package is the same instance
 * whether imported here or by TypeScript afterwards (Node caches modules by resolved URL, and
 * tsx resolves packages as Node does). src/worker.ts keeps this flag from worker threads, which
 * run JavaScript bundles.
 */
// Settled, not all: a package that fails to load here fails again where the build imports it,
// with that import's context in the error.
await Promise.allSettled([
  import("@11ty/eleventy"),
  import("markdown-it"),
  import("js-yaml"),
  import("cspell-trie-lib"),
]);
const { register } = await import("tsx/esm/api");
register();
