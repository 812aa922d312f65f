/**
 * A namespace-aware XML parse that fails on any error or warning (undeclared prefixes included).
 */
import { DOMParser, type Document } from "@xmldom/xmldom";

export function parseXmlStrict(text: string): Document {
  const problems: string[] = [];
  const parser = new DOMParser({
    onError: (level, message) => {
      problems.push(`${level}: ${message}`);
    },
  });
  const document = parser.parseFromString(text, "text/xml");
  if (problems.length) throw new Error(`XML is not well-formed:\n${problems.join("\n")}`);
  return document;
}
