import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { RLM } from "../../src/feeds/direction.ts";
import { articleFeedId, feedId } from "../../src/feeds/identity.ts";
import { describeFeed } from "../../src/feeds/items.ts";
import { routes } from "../../src/routes.ts";
import { site } from "../../src/site.ts";
import { absoluteUrl } from "../../src/urls.ts";
import { makeArticle } from "../support/feed-articles.ts";

const channel = { pagePath: "/world/", title: "بین‌الملل | سرخط", description: "خبرهای بین‌الملل" };
const at = (iso: string) => new Date(iso);

describe("describeFeed", () => {
  it("describes the channel from the page it follows, with a self URL per format from routes", () => {
    const feed = describeFeed(channel, [makeArticle({ code: 1 })]);
    expect(feed.id).toBe(feedId("/world/"));
    expect(feed.homeUrl).toBe(absoluteUrl("/world/"));
    expect(feed.language).toBe(site.lang);
    expect(feed.feedUrls).toEqual({
      rss: absoluteUrl(routes.feed("/world/", "rss")),
      atom: absoluteUrl(routes.feed("/world/", "atom")),
      json: absoluteUrl(routes.feed("/world/", "json")),
    });
  });

  it("carries the newest `limit` articles in the order given", () => {
    const articles = [5, 4, 3, 2, 1].map((code) =>
      makeArticle({ code, date: at(`2024-01-0${code}T08:00:00Z`) }),
    );
    const feed = describeFeed(channel, articles, { limit: 3 });
    expect(feed.items.map((item) => item.id)).toEqual([5, 4, 3].map(articleFeedId));
    expect(() => describeFeed(channel, articles, { limit: 0 })).toThrow(
      /whole number from 1, got 0/,
    );
  });

  it("takes the item URL, id and text from the article", () => {
    const [item] = describeFeed(channel, [
      makeArticle({
        code: 7,
        title: "عنوان",
        lead: "لید",
        tags: ["نفت", "گاز"],
        author: "نویسنده",
      }),
    ]).items;
    expect(item).toMatchObject({
      id: articleFeedId(7),
      url: absoluteUrl("/news/7/"),
      title: "عنوان",
      summary: "لید",
      tags: ["نفت", "گاز"],
      author: "نویسنده",
      section: site.sections[0]!.name,
    });
  });

  it("opens the content with the lead inside an RTL, Persian wrapper and makes relative URLs absolute", () => {
    const [item] = describeFeed(channel, [
      makeArticle({ code: 8, lead: "لید <مهم>", body: "[پیوند](/news/9/) و ![تصویر](img/a.jpg)" }),
    ]).items;
    const $ = load(item!.contentHtml, null, false);
    const wrapper = $("div").first();
    expect(wrapper.attr("dir")).toBe("rtl");
    expect(wrapper.attr("lang")).toBe(site.lang);
    expect(wrapper.children().first().is("p")).toBe(true);
    expect(wrapper.find("p > strong").first().text()).toBe("لید <مهم>");
    expect($("a").attr("href")).toBe(absoluteUrl("/news/9/"));
    expect($("img").attr("src")).toBe(absoluteUrl("/news/8/img/a.jpg"));
  });

  it("makes titles, summaries and the content's lead start right-to-left", () => {
    const feed = describeFeed({ ...channel, title: "COVID-19 | سرخط" }, [
      makeArticle({ code: 9, title: "iPhone عرضه شد", lead: "Apple گفت" }),
    ]);
    expect(feed.title).toBe(`${RLM}COVID-19 | سرخط`);
    expect(feed.items[0]!.title).toBe(`${RLM}iPhone عرضه شد`);
    expect(feed.items[0]!.summary).toBe(`${RLM}Apple گفت`);
    expect(load(feed.items[0]!.contentHtml).text().startsWith(`${RLM}Apple`)).toBe(true);
  });

  it("takes `updated` from `modified` and flags it", () => {
    const [modified, plain] = describeFeed(channel, [
      makeArticle({
        code: 2,
        date: at("2024-01-02T08:00:00Z"),
        modified: at("2024-01-03T09:15:00Z"),
      }),
      makeArticle({ code: 1, date: at("2024-01-01T08:00:00Z") }),
    ]).items;
    expect(modified).toMatchObject({
      updated: at("2024-01-03T09:15:00Z"),
      modified: true,
      published: at("2024-01-02T08:00:00Z"),
    });
    expect(plain).toMatchObject({ updated: at("2024-01-01T08:00:00Z"), modified: false });
  });

  it("dates the feed by its newest update, never by the clock", () => {
    const feed = describeFeed(channel, [
      makeArticle({ code: 2, date: at("2024-01-02T08:00:00Z") }),
      makeArticle({
        code: 1,
        date: at("2024-01-01T08:00:00Z"),
        modified: at("2024-02-01T08:00:00Z"),
      }),
    ]);
    expect(feed.updated).toEqual(at("2024-02-01T08:00:00Z"));
  });

  it("moves colliding update instants apart by whole seconds in news-code order, site-wide", () => {
    const day = at("2021-06-03T19:30:00Z");
    const siteArticles = [13, 12, 11].map((code) => makeArticle({ code, date: day }));
    const feed = describeFeed(channel, siteArticles, { siteArticles });
    expect(feed.items.map((item) => item.updated.getTime() - day.getTime())).toEqual([
      2000, 1000, 0,
    ]);
    expect(feed.items.map((item) => item.published)).toEqual([day, day, day]);
    // A feed of some of those articles gives each the same instant as the site does.
    const section = describeFeed(channel, [siteArticles[0]!], { siteArticles });
    expect(section.items[0]!.updated.getTime() - day.getTime()).toBe(2000);
  });

  it("does not move an earlier article when a later one joins its instant", () => {
    const day = at("2021-06-03T19:30:00Z");
    const before = describeFeed(channel, [makeArticle({ code: 11, date: day })]).items[0]!.updated;
    const after = describeFeed(channel, [
      makeArticle({ code: 12, date: day }),
      makeArticle({ code: 11, date: day }),
    ]).items[1]!.updated;
    expect(after).toEqual(before);
  });

  it("dates an empty feed by the site's newest update", () => {
    const siteArticles = [makeArticle({ code: 1, date: at("2024-03-01T08:00:00Z") })];
    expect(describeFeed(channel, [], { siteArticles }).updated).toEqual(at("2024-03-01T08:00:00Z"));
    expect(describeFeed(channel, [], { siteArticles: [] }).updated).toEqual(new Date(0));
  });

  it("strips characters XML forbids from every text, so all formats say the same", () => {
    const [item] = describeFeed(channel, [
      makeArticle({
        code: 3,
        title: "عنوان\u0001",
        lead: "لید\u0085",
        tags: ["برچسب\u001B"],
        body: "متن\u0000\u0002",
      }),
    ]).items;
    expect(item!.title).toBe("عنوان");
    expect(item!.summary).toBe("لید");
    expect(item!.tags).toEqual(["برچسب"]);
    expect(item!.contentHtml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/);
  });

  it("refuses an article that is not among the site's articles", () => {
    expect(() =>
      describeFeed(channel, [makeArticle({ code: 4 })], {
        siteArticles: [makeArticle({ code: 5 })],
      }),
    ).toThrow(/Article 4 .* not among the site's articles/);
  });
});
