/**
 * A tiny HTML templating core: every interpolated value is escaped unless it is already `SafeHtml`.
 * Templates are plain TypeScript functions, so the compiler checks every field they read.
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

const SPECIAL = /[&<>"']/;

/** Escape text for HTML text and quoted attribute values (and for XML, which needs the same five). */
export function escapeHtml(value: string): string {
  // Most text has none of the five: a test costs a third of a replace that finds nothing.
  return SPECIAL.test(value) ? value.replace(/[&<>"']/g, (char) => ESCAPES[char]!) : value;
}

/** Mark a string that is already HTML (rendered Markdown, a partial) as safe to insert. */
export function raw(value: string): SafeHtml {
  return new SafeHtml(value);
}

type Interpolation =
  SafeHtml | string | number | false | null | undefined | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === false || value === null || value === undefined) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  if (typeof value === "number") return String(value);
  if (typeof value !== "string")
    throw new TypeError(`html: cannot interpolate ${Object.prototype.toString.call(value)}`);
  return escapeHtml(value);
}

/** Tagged template: html`<p>${text}</p>` escapes `text`; arrays join; false/null/undefined render nothing. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}
