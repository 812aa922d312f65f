import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { browserAvailability, launchBrowser, type Browser } from "../support/browser.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";

const { run } = browserAvailability();

describe.skipIf(!run)("the article page in Chromium", () => {
  let server: StaticServer;
  let browser: Browser;
  const requests: string[] = [];
  const failures: string[] = [];
  const consoleErrors: string[] = [];
  let report: {
    htmlDirection: string;
    mainDirection: string;
    loadedFonts: string[];
    fontCheck: boolean;
    bodyFont: string;
  };

  beforeAll(async () => {
    server = await serveStatic(inject("siteDir"));
    browser = await launchBrowser({ viewport: { width: 390, height: 844 } });
    const page = await browser.context.newPage();
    page.on("request", (request) => requests.push(request.url()));
    page.on("requestfailed", (request) =>
      failures.push(`${request.url()} ${request.failure()?.errorText}`),
    );
    page.on("response", (response) => {
      if (response.status() >= 400) failures.push(`${response.url()} HTTP ${response.status()}`);
    });
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    await page.goto(`${server.origin}/news/1001/`, { waitUntil: "networkidle" });
    report = await page.evaluate(async () => {
      await document.fonts.ready;
      const main = document.querySelector("main")!;
      return {
        htmlDirection: getComputedStyle(document.documentElement).direction,
        mainDirection: getComputedStyle(main).direction,
        loadedFonts: [...document.fonts]
          .filter((font) => font.status === "loaded")
          .map((font) => `${font.family} ${font.weight}`),
        fontCheck: document.fonts.check('16px "Vazirmatn"', "تروریست‌ها"),
        bodyFont: getComputedStyle(document.body).fontFamily,
      };
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("lays the document and its main content out right-to-left", () => {
    expect(report.htmlDirection).toBe("rtl");
    expect(report.mainDirection).toBe("rtl");
  });

  it("loads the self-hosted Vazirmatn and uses it for the body", () => {
    expect(report.bodyFont.startsWith("Vazirmatn")).toBe(true);
    expect(report.loadedFonts.some((font) => /Vazirmatn/.test(font))).toBe(true);
    expect(report.fontCheck).toBe(true);
  });

  it("makes no request to any other host and none fails", () => {
    expect(requests.length).toBeGreaterThan(1);
    expect(requests.filter((url) => !url.startsWith(server.origin))).toEqual([]);
    expect(failures).toEqual([]);
  });

  it("logs no console error", () => {
    expect(consoleErrors).toEqual([]);
  });
});
