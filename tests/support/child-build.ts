/**
 * A build in a process of its own: `node --import tsx tests/support/child-build.ts <outputDir> [articlesDir]`.
 * Tests use it where the build must not share module state with the test (PATH_PREFIX and SITE_URL
 * are read once per process) or must run with another time zone, locale or clock.
 *
 * `SARKHAT_TEST_CLOCK_OFFSET_DAYS` sets the process's clock that many days off, to prove that
 * nothing the build writes depends on when it ran. On failure the error goes to stderr, exit 1.
 */
const [outputDir, articlesDir] = process.argv.slice(2);
if (!outputDir) throw new Error("usage: child-build.ts <outputDir> [articlesDir]");

const offsetDays = Number(process.env.SARKHAT_TEST_CLOCK_OFFSET_DAYS ?? 0);
if (offsetDays) {
  const offset = offsetDays * 86_400_000;
  const RealDate = Date;
  // `new Date()` and `Date.now()` are what code reads the clock with; a date built from a value
  // (`new Date(value)`) is left exactly as it was.
  class OffsetDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as ConstructorParameters<DateConstructor>));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = OffsetDate as DateConstructor;
}

const { buildSite } = await import("../../src/build.ts");
try {
  const result = await buildSite({ outputDir, articlesDir, quiet: true });
  console.log(JSON.stringify(result));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
