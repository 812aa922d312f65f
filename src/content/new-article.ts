/**
 * The skeleton of a new article, with every front-matter field explained for editors.
 */
import { stringify } from "yaml";
import { toJalali } from "../persian/jalali.ts";
import { site } from "../site.ts";
import { toIsoWithOffset } from "../time.ts";

export interface NewArticle {
  title: string;
  code: number;
  now: Date;
  section?: string;
  tags?: string[];
}

/** One more than the highest code in use (drafts included), or 1001 for the first article. */
export function nextFreeCode(codes: Iterable<number>): number {
  let highest = 1000;
  for (const code of codes) highest = Math.max(highest, code);
  return highest + 1;
}

/** `content/news/<Jalali year>/<code>.md`, relative to the articles folder. */
export function newArticlePath(code: number, now: Date): string {
  return `${toJalali(now, site.timeZone).year}/${code}.md`;
}

const scalar = (value: string) => stringify(value).trimEnd();

/** The file's text: complete front matter with a comment per field, a draft until the editor publishes it. */
export function newArticleSource(article: NewArticle): string {
  const title = article.title.trim();
  if (!title) throw new Error("new article: --title is empty; expected the article's headline");
  const section = article.section ?? site.sections[0]!.name;
  if (!site.sections.some((candidate) => candidate.name === section)) {
    throw new Error(
      `new article: section ${JSON.stringify(section)} is unknown; expected one of ${site.sections.map((s) => s.name).join("، ")}`,
    );
  }
  const date = toIsoWithOffset(article.now, site.timeZone).slice(0, 16);
  const tags = article.tags?.length
    ? `\n${article.tags.map((tag) => `  - ${scalar(tag)}`).join("\n")}`
    : " []";
  return `---
# کد خبر: عددی یکتا؛ نشانی دائمی خبر /news/${article.code}/ است و هرگز تغییر نمی‌کند.
code: ${article.code}
# تیتر خبر.
title: ${scalar(title)}
# روتیتر (اختیاری): خط کوتاه بالای تیتر. اگر لازم نیست، این خط را پاک کنید.
# surtitle: …
# لید: بند نخست، خلاصه‌ای که به‌تنهایی خبر را برساند. در متن تکرار نشود.
lead: لید خبر را اینجا بنویسید.
# تاریخ انتشار به وقت تهران (YYYY-MM-DDTHH:mm). خبری با تاریخ آینده تا آن زمان منتشر نمی‌شود.
date: ${date}
# تاریخ به‌روزرسانی (اختیاری)، به همان شکل.
# modified: ${date}
# سرویس: یکی از ${site.sections.map((s) => s.name).join("، ")}
section: ${scalar(section)}
# برچسب‌ها: فهرستی از موضوع‌ها؛ هر برچسب صفحه و خبرخوان خودش را دارد.
tags:${tags}
# منبع (اختیاری): رسانه‌ای که خبر را گزارش کرده، و «به نقل از» آن.
# source: …
# quoting: …
# نویسنده (اختیاری).
# author: …
# پیش‌نویس: تا true است فقط در npm start دیده می‌شود. برای انتشار false کنید.
draft: true
---

متن خبر را اینجا بنویسید (Markdown).
`;
}
