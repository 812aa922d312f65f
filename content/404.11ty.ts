import { renderNotFound } from "../layouts/simple.ts";
import type { Assets } from "../src/assets.ts";

export const data = { permalink: "/404.html", eleventyExcludeFromCollections: true };

export function render(data: { assets: Assets }): string {
  return renderNotFound(data.assets);
}
