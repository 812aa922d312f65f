import type { Assets } from "../src/assets.ts";
import { renderTextPage } from "./simple.ts";

/** The Eleventy layout for Markdown pages in content/ (set by content/pages.11tydata.json). */
export function render(data: {
  content: string;
  title: string;
  description: string;
  page: { url: string };
  assets: Assets;
}): string {
  return renderTextPage(
    {
      path: data.page.url,
      title: data.title,
      description: data.description,
      content: data.content,
    },
    data.assets,
  );
}
