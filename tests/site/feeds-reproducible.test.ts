/**
 * Two builds of the same content, one with TZ=UTC and one with TZ=Asia/Tehran (each in its own
 * process, as a real build runs), give byte-identical feeds. The fixture (tests/fixtures/feeds/)
 * also holds the cases feeds get wrong: titles and leads that open in Latin, articles sharing a
 * day, Iran's old summer time, `modified`, relative links and images, a Latin tag.
 */
import { load } from "cheerio";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RLM } from "../../src/feeds/direction.ts";
import { articleFeedId } from "../../src/feeds/identity.ts";
import { FEED_PREVIEW_PATH } from "../../src/feeds/preview.ts";
import { routes } from "../../src/routes.ts";
import { slugifyTopic } from "../../src/topics.ts";
import { absoluteUrl } from "../../src/urls.ts";
import { buildInChildOrFail } from "../support/run-build.ts";
import { readOutput } from "../support/site.ts";
import { parseXmlStrict } from "../support/xml.ts";

const FIXTURE = "tests/fixtures/feeds";
const ATOM = "http://www.w3.org/2005/Atom";
const ZONES = ["UTC", "Asia/Tehran"] as const;
const scratch = mkdtempSync(path.join(tmpdir(), "sarkhat-feeds-tz-"));
const outputs: Record<string, string> = {};

async function buildIn(timeZone: string, now: string): Promise<string> {
  const outputDir = path.join(scratch, timeZone.replace("/", "-"));
  await buildInChildOrFail({
    outputDir,
    articlesDir: FIXTURE,
    env: { TZ: timeZone, SARKHAT_NOW: now },
  });
  return outputDir;
}

function feedFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[])
    .filter(
      (file) =>
        /(?:^|\/)(?:feed\.xml|atom\.xml|feed\.json)$/.test(file) ||
        `/${file}` === FEED_PREVIEW_PATH,
    )
    .sort();
}

beforeAll(async () => {
  const now = new Date().toISOString();
  // One after the other: the machine is small.
  for (const zone of ZONES) outputs[zone] = await buildIn(zone, now);
}, 180_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe("feeds built in different time zones", () => {
  it("are byte-identical, every file of them", () => {
    const [utc, tehran] = ZONES.map((zone) => outputs[zone]!);
    const files = feedFiles(utc!);
    expect(files.length).toBeGreaterThan(3 * 5);
    expect(feedFiles(tehran!)).toEqual(files);
    for (const file of files) {
      expect(
        readFileSync(path.join(tehran!, file)).equals(readFileSync(path.join(utc!, file))),
        file,
      ).toBe(true);
    }
  });
});

describe("the cases feeds get wrong", () => {
  const dir = () => outputs.UTC!;
  const atomEntries = () =>
    Array.from(
      parseXmlStrict(readOutput(dir(), routes.feed("/", "atom"))).getElementsByTagNameNS(
        ATOM,
        "entry",
      ),
    );
  const entry = (code: number) =>
    atomEntries().find(
      (node) => node.getElementsByTagNameNS(ATOM, "id")[0]!.textContent === articleFeedId(code),
    )!;
  const atomField = (code: number, name: string) =>
    entry(code).getElementsByTagNameNS(ATOM, name)[0]!.textContent;
  const rssItem = (code: number) =>
    Array.from(
      parseXmlStrict(readOutput(dir(), routes.feed("/", "rss"))).getElementsByTagName("item"),
    ).find((node) => node.getElementsByTagName("guid")[0]!.textContent === articleFeedId(code))!;
  const jsonItem = (code: number) =>
    (
      JSON.parse(readOutput(dir(), routes.feed("/", "json"))) as { items: Record<string, string>[] }
    ).items.find((item) => item.id === articleFeedId(code))!;

  it("gives articles that share a day distinct Atom updates, a second apart in news-code order", () => {
    const updated = atomEntries().map(
      (node) => node.getElementsByTagNameNS(ATOM, "updated")[0]!.textContent,
    );
    expect(new Set(updated).size).toBe(updated.length);
    expect(atomField(4001, "updated")).toBe("2021-06-04T00:00:00+04:30");
    expect(atomField(4002, "updated")).toBe("2021-06-04T00:00:01+04:30");
    expect(atomField(4002, "published")).toBe("2021-06-04T00:00:00+04:30");
  });

  it("writes Iran's old summer time (+04:30) and standard time (+03:30)", () => {
    expect(rssItem(4002).getElementsByTagName("pubDate")[0]!.textContent).toBe(
      "Fri, 04 Jun 2021 00:00:00 +0430",
    );
    expect(rssItem(4004).getElementsByTagName("pubDate")[0]!.textContent).toBe(
      "Thu, 03 Dec 2020 09:30:00 +0330",
    );
    expect(jsonItem(4004).date_published).toBe("2020-12-03T09:30:00+03:30");
  });

  it("dates an update from `modified` in every format", () => {
    expect(atomField(4003, "updated")).toBe("2021-06-05T18:20:00+04:30");
    expect(
      rssItem(4003).getElementsByTagNameNS("http://purl.org/dc/terms/", "modified")[0]!.textContent,
    ).toBe("2021-06-05T18:20:00+04:30");
    expect(jsonItem(4003).date_modified).toBe("2021-06-05T18:20:00+04:30");
    expect(jsonItem(4002).date_modified).toBeUndefined();
  });

  it("makes a title and a lead that open in Latin start right-to-left, in all three formats", () => {
    const title = `${RLM}iPhone ۱۵ در بازار ایران عرضه شد`;
    expect(rssItem(4001).getElementsByTagName("title")[0]!.textContent).toBe(title);
    expect(atomField(4001, "title")).toBe(title);
    expect(jsonItem(4001).title).toBe(title);
    expect(jsonItem(4001).summary!.startsWith(`${RLM}Apple`)).toBe(true);
    expect(load(jsonItem(4001).content_html!).text().startsWith(`${RLM}Apple`)).toBe(true);
  });

  it("makes relative links and images absolute in the content", () => {
    const $ = load(jsonItem(4001).content_html!, null, false);
    expect(
      $("a")
        .map((_, a) => $(a).attr("href"))
        .get(),
    ).toEqual([absoluteUrl("/news/4002/"), absoluteUrl("/news/4003/")]);
    expect($("img").attr("src")).toBe(absoluteUrl("/media/phone.jpg"));
    expect($("img").attr("alt")).toBe("تصویر گوشی");
  });

  it("gives a Latin tag a feed whose title still starts right-to-left", () => {
    const pagePath = routes.topic({ slug: slugifyTopic("iPhone") });
    const json = JSON.parse(readOutput(dir(), routes.feed(pagePath, "json"))) as {
      title: string;
      items: { id: string }[];
    };
    expect(json.title.startsWith(`${RLM}iPhone`)).toBe(true);
    expect(json.items.map((item) => item.id)).toEqual([articleFeedId(4001)]);
  });
});
