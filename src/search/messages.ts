/**
 * What the search page says, in one place: the page template (layouts/search.ts) and the page's
 * script (src/search/browser/search-page.ts) both read it, and the tests compare against it.
 */
import { toPersianDigits } from "../persian/digits.ts";

export const searchMessages = {
  title: "جست‌وجو",
  description: "جست‌وجو در همه خبرهای سرخط، با هر املایی از واژه‌ها.",
  label: "جست‌وجو در خبرها",
  placeholder: "مثلاً قره‌باغ",
  submit: "جست‌وجو",
  hint: "نیم‌فاصله، فاصله یا چسبیده، «ي» یا «ی» و رقم فارسی یا انگلیسی فرقی نمی‌کند.",
  noScript:
    "جست‌وجو در مرورگر شما انجام می‌شود و به جاوااسکریپت نیاز دارد، که اکنون خاموش است. خبرها را می‌توانید در بایگانی ماه‌به‌ماه یا در برچسب‌ها پیدا کنید:",
  archive: "بایگانی خبرها",
  tags: "برچسب‌ها",
  ready: "واژه‌ای بنویسید و «جست‌وجو» را بزنید.",
  loading: "در حال جست‌وجو…",
  unavailable: "جست‌وجو بارگذاری نشد. دوباره امتحان کنید، یا خبرها را در بایگانی ببینید.",
  nothingFound: (query: string) => `خبری برای «${query}» پیدا نشد.`,
  nothingFoundHint: "واژه دیگری را امتحان کنید یا خبرها را در بایگانی ببینید.",
  found: (count: number, query: string) => `${toPersianDigits(count)} خبر برای «${query}» پیدا شد.`,
  more: "خبرهای بیشتر",
  resultsLabel: "نتیجه‌های جست‌وجو",
} as const;
