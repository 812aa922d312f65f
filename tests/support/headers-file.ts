/**
 * Reading a `_headers` file as Netlify and Cloudflare Pages do: a path pattern at the start of a
 * line, `Name: value` lines indented under it; `*` matches anything (slashes included), `:name`
 * one path segment. Used to check the file and to serve the built site with its headers.
 */

export interface ParsedRule {
  path: string;
  headers: [name: string, value: string][];
}

export function parseHeadersFile(text: string): ParsedRule[] {
  const rules: ParsedRule[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "" || line.trimStart().startsWith("#")) return;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      return;
    }
    const header = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    const rule = rules.at(-1);
    if (!header || !rule)
      throw new Error(
        `_headers line ${index + 1} is neither a path nor an indented "Name: value": ${JSON.stringify(line)}`,
      );
    rule.headers.push([header[1]!, header[2]!]);
  });
  return rules;
}

function patternToRegExp(pattern: string): RegExp {
  const source = pattern
    .split(/(\*|:[A-Za-z0-9_]+)/)
    .map((part) =>
      part === "*"
        ? ".*"
        : part.startsWith(":")
          ? "[^/]+"
          : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("");
  return new RegExp(`^${source}$`);
}

/** Does a rule's pattern match a request path (percent-encoded, as it arrives)? */
export function matchesPath(pattern: string, requestPath: string): boolean {
  return patternToRegExp(pattern).test(requestPath);
}

/** Every header that applies to a path, with the patterns that set it. */
export function headersFor(
  rules: readonly ParsedRule[],
  requestPath: string,
): Map<string, { value: string; from: string[] }> {
  const result = new Map<string, { value: string; from: string[] }>();
  for (const rule of rules) {
    if (!matchesPath(rule.path, requestPath)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      const seen = result.get(key);
      if (seen) seen.from.push(rule.path);
      else result.set(key, { value, from: [rule.path] });
    }
  }
  return result;
}
