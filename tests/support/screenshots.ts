/**
 * Screenshots for people to look at: `test-results/screenshots/` (git-ignored; CI keeps the folder
 * as an artefact). One full-page PNG per page type, width and colour scheme.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "../../test-results/screenshots");

export type ColorScheme = "light" | "dark";

/** `home-390-dark.png` */
export function screenshotFile(name: string, width: number, scheme: ColorScheme): string {
  return path.join(SCREENSHOT_DIR, `${name}-${width}-${scheme}.png`);
}

/** The page as it is, in light and then in dark; it is left in light. */
export async function screenshotBothSchemes(
  page: Page,
  name: string,
  width: number,
): Promise<string[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const files: string[] = [];
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const file = screenshotFile(name, width, scheme);
    await page.screenshot({ path: file, fullPage: true });
    files.push(file);
  }
  await page.emulateMedia({ colorScheme: "light" });
  return files;
}
