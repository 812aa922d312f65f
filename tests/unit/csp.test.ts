import { describe, expect, it } from "vitest";
import { routes } from "../../src/routes.ts";
import {
  contentSecurityPolicy,
  hashSource,
  metaPolicyForPath,
  pagePolicies,
  policyForPath,
} from "../../src/security/csp.ts";
import { site } from "../../src/site.ts";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

const ordinaryPaths = [
  "/",
  routes.article(1001),
  routes.section(site.sections[0]!),
  routes.tags(),
  routes.archive(),
  "/feed.xml",
];

describe("contentSecurityPolicy", () => {
  it.each(ordinaryPaths)(
    "gives %s no script, nothing inline and nothing from another host",
    (path) => {
      const policy = directives(contentSecurityPolicy(policyForPath(path), "meta"));
      expect(policy.get("default-src")).toEqual(["'self'"]);
      expect(policy.get("script-src")).toEqual(["'none'"]);
      expect(policy.get("style-src")).toEqual(["'self'"]);
      expect(policy.get("object-src")).toEqual(["'none'"]);
      expect(policy.get("base-uri")).toEqual(["'none'"]);
      expect(
        [...policy.values()]
          .flat()
          .filter((source) => /unsafe-inline|unsafe-eval|\*|https?:/.test(source)),
      ).toEqual([]);
    },
  );

  it("lets the search page run its own script, no WebAssembly, and no other page any", () => {
    const search = directives(contentSecurityPolicy(policyForPath(routes.search()), "meta"));
    expect(search.get("script-src")).toEqual(["'self'"]);
    expect(search.get("default-src")).toEqual(["'self'"]);
    expect(
      directives(contentSecurityPolicy(policyForPath("/searching/"), "meta")).get("script-src"),
    ).toEqual(["'none'"]);
  });

  it("keeps directives a <meta> tag cannot carry out of the meta policy, and in the header", () => {
    const meta = contentSecurityPolicy({}, "meta");
    const header = contentSecurityPolicy({}, "header");
    // Chromium logs an error for frame-ancestors, report-uri and sandbox in a <meta> policy.
    expect(meta).not.toMatch(/frame-ancestors|report-uri|report-to|sandbox/);
    expect(directives(header).get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("lets the header allow the site's own scripts (the feeds' XSLT), and nothing more than the meta otherwise", () => {
    for (const path of [...ordinaryPaths, routes.search()]) {
      const meta = directives(contentSecurityPolicy(policyForPath(path), "meta"));
      const header = directives(contentSecurityPolicy(policyForPath(path), "header"));
      expect(header.get("script-src")?.[0]).toBe("'self'");
      expect(header.get("script-src")).not.toContain("'unsafe-inline'");
      for (const [name, sources] of meta)
        if (name !== "script-src") expect(header.get(name)).toEqual(sources);
    }
  });

  it("registers page policies only for top-level folders, which _headers can address", () => {
    for (const path of Object.keys(pagePolicies)) expect(path).toMatch(/^\/[^/]+\/$/);
  });

  it("rejects a path that is not site-relative", () => {
    expect(() => policyForPath("news/1/")).toThrow(/starting with \//);
  });
});

describe("hashSource", () => {
  it("is the base64 SHA-256 source expression CSP expects", () => {
    // The SHA-256 of the empty string, a published test vector.
    expect(hashSource("")).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });
});

describe("metaPolicyForPath", () => {
  it.each(ordinaryPaths)("gives %s its own policy in a production build", (path) => {
    expect(metaPolicyForPath(path, "build")).toEqual(policyForPath(path));
    expect(metaPolicyForPath(path, undefined)).toEqual(policyForPath(path));
  });

  it.each([...ordinaryPaths, routes.search()])(
    "lets %s run the dev server's live-reload script, and only the site's own, when built for `npm start`",
    (path) => {
      const policy = directives(contentSecurityPolicy(metaPolicyForPath(path, "serve"), "meta"));
      expect(policy.get("script-src")).toEqual(["'self'"]);
      expect(policy.get("default-src")).toEqual(["'self'"]);
    },
  );
});
