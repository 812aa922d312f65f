/**
 * A deterministic corpus of Persian news articles for the benchmark: the same N always gives the
 * same files, byte for byte, so two runs (or two machines) build the same site.
 *
 * Articles are cut from the seed article (bench/seed-fa.txt: the seed text with its نیم‌فاصله
 * restored, as in content/news/1399/1001.md) by a seeded RNG. They carry valid front matter
 * (src/article.ts), dates spread over five Jalali years (1398–1402) in Tehran time, sections from
 * src/site.ts with a newsroom's uneven weights, and tags drawn with a Zipf-like skew from a pool
 * of Persian tags (multi-word ones included) whose long tail grows with N, as a real archive's does.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { toJalali } from "../src/persian/jalali.ts";
import { site } from "../src/site.ts";
import { wallClock } from "../src/time.ts";

/** mulberry32: tiny, fast and good enough to pick sentences; the same seed gives the same corpus. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;
const between = (random: Random, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1));

/** Index in [0, size) with weight 1/(i+1): a few tags are everywhere, most are rare. */
function zipfIndex(random: Random, size: number): number {
  const harmonic = Math.log(size) + 0.5772;
  const target = random() * harmonic;
  return Math.min(size - 1, Math.max(0, Math.floor(Math.exp(target - 0.5772)) - 1));
}

const SEED_FILE = path.join(import.meta.dirname, "seed-fa.txt");

interface Seed {
  sentences: string[];
  /** Runs of 3–8 words that make plausible titles. */
  words: string[];
}

function readSeed(): Seed {
  const text = readFileSync(SEED_FILE, "utf8");
  const sentences = text
    .split(/\n+/)
    .flatMap((paragraph) => paragraph.split(/(?<=[.؟!])\s+/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 20);
  const words = text
    .replace(/[.،؛:؟!«»]/g, " ")
    .split(/\s+/)
    .filter((word) => word.length > 1);
  return { sentences, words };
}

// Tags a Persian newsroom really uses: places, bodies and subjects, several of them multi-word,
// with نیم‌فاصله, and two spelt with Arabic ي/ك as editors sometimes do (they share a topic).
const COMMON_TAGS = [
  "ایران",
  "روسیه",
  "آمریکا",
  "فرانسه",
  "قره‌باغ",
  "گروه مینسک",
  "جمهوری آذربایجان",
  "ارمنستان",
  "ترکیه",
  "مجلس شورای اسلامی",
  "دولت",
  "بانک مرکزی",
  "نرخ ارز",
  "تورم",
  "بورس تهران",
  "نفت",
  "گاز",
  "انرژی",
  "کرونا",
  "واکسن",
  "آموزش و پرورش",
  "دانشگاه تهران",
  "کنکور",
  "محیط زیست",
  "آلودگی هوا",
  "خشکسالی",
  "سینما",
  "جشنواره فیلم فجر",
  "کتاب",
  "نمایشگاه کتاب تهران",
  "موسیقی",
  "تئاتر",
  "فوتبال",
  "لیگ برتر",
  "تیم ملی فوتبال",
  "والیبال",
  "کشتی",
  "المپیک توکیو",
  "جام جهانی قطر",
  "فضا",
  "هوش مصنوعی",
  "اینترنت",
  "فیلترینگ",
  "بودجه ۱۴۰۱",
  "مسکن",
  "اجاره‌بها",
  "خودرو",
  "حقوق بشر",
  "سازمان ملل متحد",
  "اتحادیه اروپا",
  "برجام",
  "تحریم‌ها",
  "خاورمیانه",
  "افغانستان",
  "عراق",
  "سوریه",
  "لبنان",
  "چین",
  "هند",
  "آلمان",
  "انگلیس",
  "شورای امنیت",
  "انتخابات ریاست جمهوری",
  "شهرداری تهران",
  "مترو",
  "زلزله",
  "سیل",
  "هلال احمر",
  "بهداشت و درمان",
  "بیمه",
  "یارانه",
  "مالیات",
  "صادرات",
  "واردات",
  "گمرک",
  "کشاورزی",
  "آب",
  "برق",
  "گردشگری",
  "میراث فرهنگی",
  "نوروز",
  "تهران",
  "مشهد",
  "اصفهان",
  "تبریز",
  "شیراز",
  "سازمان همکاری شانگهای",
  "بريكس",
  "کشتیرانی",
  "ريال",
];

const TAG_SUBJECTS = [
  "نشست",
  "سفر",
  "بیانیه",
  "گزارش",
  "همایش",
  "طرح",
  "لایحه",
  "قرارداد",
  "نمایشگاه",
  "مذاکرات",
];
const TAG_PLACES = [
  "تهران",
  "مسکو",
  "باکو",
  "ایروان",
  "پاریس",
  "پکن",
  "دوحه",
  "ژنو",
  "وین",
  "آنکارا",
  "بغداد",
  "کابل",
  "دهلی",
  "برلین",
  "لندن",
  "توکیو",
];

/** The tag pool: common tags first (drawn most often), then a long tail that grows with N. */
export function tagPool(count: number): string[] {
  const tail: string[] = [];
  const size = COMMON_TAGS.length + Math.ceil(count / 20);
  for (let index = 0; COMMON_TAGS.length + tail.length < size; index++) {
    const subject = TAG_SUBJECTS[index % TAG_SUBJECTS.length]!;
    const place = TAG_PLACES[Math.floor(index / TAG_SUBJECTS.length) % TAG_PLACES.length]!;
    const round = Math.floor(index / (TAG_SUBJECTS.length * TAG_PLACES.length));
    tail.push(
      round === 0 ? `${subject} ${place}` : `${subject} ${place} ${toPersianNumber(round + 1)}`,
    );
  }
  return [...COMMON_TAGS, ...tail];
}

function toPersianNumber(value: number): string {
  return String(value).replace(/\d/g, (digit) => "۰۱۲۳۴۵۶۷۸۹"[Number(digit)]!);
}

// A newsroom publishes more politics and world news than science.
const SECTION_WEIGHTS = [0.24, 0.2, 0.18, 0.14, 0.1, 0.09, 0.05];
const SOURCES = [
  "آران نیوز",
  "ایرنا",
  "ایسنا",
  "خبرگزاری فارس",
  "خبرگزاری مهر",
  "تسنیم",
  "رویترز",
  "آسوشیتدپرس",
];
const QUOTED = ["خبرگزاری دولتی", "سخنگوی دولت", "منابع محلی", "روزنامه کامرسانت", "یک مقام آگاه"];
const AUTHORS = ["مریم احمدی", "علی رضایی", "سارا کریمی", "رضا حسینی", "نگار محمدی", "حمید صادقی"];
const SURTITLES = [
  "در واکنش به تحولات اخیر",
  "گزارش اختصاصی",
  "در نشست خبری امروز",
  "به دنبال بیانیه مشترک",
  "برای نخستین بار",
];

function pickSection(random: Random): string {
  let roll = random();
  for (const [index, weight] of SECTION_WEIGHTS.entries()) {
    roll -= weight;
    if (roll < 0) return site.sections[index]!.name;
  }
  return site.sections.at(-1)!.name;
}

/** 1398-01-01 to the last day of 1402, Tehran time (as UTC instants). */
const FIRST_DAY = Date.UTC(2019, 2, 20, 20, 30);
const LAST_DAY = Date.UTC(2024, 2, 19, 20, 29);

const pad = (value: number) => String(value).padStart(2, "0");

function tehranWallClock(instant: Date, withTime: boolean): string {
  const clock = wallClock(instant, site.timeZone);
  const day = `${clock.year}-${pad(clock.month)}-${pad(clock.day)}`;
  return withTime ? `${day}T${pad(clock.hour)}:${pad(clock.minute)}` : day;
}

const yamlString = (value: string) => JSON.stringify(value);

export interface GeneratedArticle {
  /** Relative path inside the corpus folder: one folder per Jalali year. */
  file: string;
  source: string;
}

const MIN_BYTES = 2048;
const MAX_BYTES = 5120;

function titleFrom(random: Random, seed: Seed): string {
  const start = between(random, 0, seed.words.length - 9);
  return seed.words.slice(start, start + between(random, 5, 9)).join(" ");
}

function bodyParagraph(random: Random, seed: Seed): string {
  const sentences = Array.from({ length: between(random, 1, 3) }, () =>
    pick(random, seed.sentences),
  );
  let paragraph = sentences.join(" ");
  // Some Markdown a report really uses: emphasis, a quote, a link.
  const roll = random();
  if (roll < 0.08) paragraph = paragraph.replace(/^(\S+ \S+ \S+)/, "**$1**");
  else if (roll < 0.12) paragraph = `> ${paragraph}`;
  else if (roll < 0.16)
    paragraph = paragraph.replace(
      /(\S+ \S+)\.$/,
      `[$1](https://example.org/report/${between(random, 1, 9999)}).`,
    );
  return paragraph;
}

/** One article, 2–5 KB of UTF-8, its front matter valid for src/article.ts. */
function generateArticle(
  random: Random,
  seed: Seed,
  tags: readonly string[],
  code: number,
  instant: Date,
): GeneratedArticle {
  const withTime = random() < 0.75;
  const lines = ["---", `code: ${code}`, `title: ${yamlString(titleFrom(random, seed))}`];
  if (random() < 0.3) lines.push(`surtitle: ${yamlString(pick(random, SURTITLES))}`);
  lines.push(
    `lead: ${yamlString(pick(random, seed.sentences))}`,
    `date: ${tehranWallClock(instant, withTime)}`,
  );
  if (random() < 0.1)
    lines.push(
      `modified: ${tehranWallClock(new Date(instant.getTime() + between(random, 1, 48) * 3_600_000), true)}`,
    );
  lines.push(`section: ${pickSection(random)}`);
  const tagCount = between(random, 0, 6);
  const chosen = new Set<string>();
  for (let attempt = 0; chosen.size < tagCount && attempt < 20; attempt++)
    chosen.add(tags[zipfIndex(random, tags.length)]!);
  if (chosen.size) lines.push("tags:", ...[...chosen].map((tag) => `  - ${yamlString(tag)}`));
  if (random() < 0.5) {
    lines.push(`source: ${yamlString(pick(random, SOURCES))}`);
    if (random() < 0.4) lines.push(`quoting: ${yamlString(pick(random, QUOTED))}`);
  }
  if (random() < 0.25) lines.push(`author: ${yamlString(pick(random, AUTHORS))}`);
  lines.push("---", "");

  const target = between(random, MIN_BYTES, MAX_BYTES);
  const head = lines.join("\n");
  const paragraphs: string[] = [];
  let bytes = Buffer.byteLength(head);
  while (bytes < MIN_BYTES || bytes < target) {
    const paragraph =
      paragraphs.length === 3 && random() < 0.3
        ? `## ${titleFrom(random, seed)}`
        : bodyParagraph(random, seed);
    const size = Buffer.byteLength(paragraph) + 2;
    if (bytes + size > MAX_BYTES) {
      if (bytes >= MIN_BYTES) break;
      continue;
    }
    paragraphs.push(paragraph);
    bytes += size;
  }
  const { year } = toJalali(instant, site.timeZone);
  return { file: `${year}/${code}.md`, source: `${head}\n${paragraphs.join("\n\n")}\n` };
}

/** Generate `count` articles, oldest first; codes start at 10001 and follow publication order. */
export function* generateCorpus(count: number, seed = 1399): Generator<GeneratedArticle> {
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`count must be a whole number from 1, got ${count}`);
  const random = seededRandom(seed);
  const text = readSeed();
  const tags = tagPool(count);
  const step = (LAST_DAY - FIRST_DAY) / count;
  for (let index = 0; index < count; index++) {
    // Publication times spread evenly over the five years, jittered within each slot.
    const instant = new Date(Math.floor(FIRST_DAY + (index + random()) * step));
    yield generateArticle(random, text, tags, 10001 + index, instant);
  }
}

/** Write the corpus into `dir` (emptied first); returns the number of bytes written. */
export function writeCorpus(dir: string, count: number, seed?: number): number {
  rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  const made = new Set<string>();
  for (const article of generateCorpus(count, seed)) {
    const file = path.join(dir, article.file);
    const folder = path.dirname(file);
    if (!made.has(folder)) (mkdirSync(folder, { recursive: true }), made.add(folder));
    writeFileSync(file, article.source);
    bytes += Buffer.byteLength(article.source);
  }
  return bytes;
}
