/**
 * The search page's script, the only JavaScript the site ships: bundled by esbuild into
 * /assets/search.<hash>.js (src/search/assets.ts) and loaded by /search/ alone.
 *
 * It turns the query into its key (src/search/query-key.ts), asks Pagefind for the key and its
 * fused alternatives, merges the results, and writes them as a list of links with DOM methods
 * only (text nodes and <mark>, never innerHTML). The query lives in the address (`?q=`), so a
 * search can be linked, reloaded and gone back to.
 */
import { buildExcerpt, forReaders, type WordLocation } from "../excerpt.ts";
import { RESULT_FIELDS, SEARCH_RANKING } from "../fields.ts";
import { searchMessages as say } from "../messages.ts";
import { queryAlternatives, toQueryKey } from "../query-key.ts";

// The parts of Pagefind's JavaScript API this page uses. https://pagefind.app/docs/api/
interface ResultData {
  url: string;
  content: string;
  meta: Partial<Record<string, string>>;
  filters: Partial<Record<string, string[]>>;
  weighted_locations: WordLocation[];
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string): Promise<{ results: PagefindResult[] } | null>;
}

/** Results written at once, and again each time the reader asks for more. */
const PAGE_SIZE = 10;
/** Milliseconds of quiet typing before a search starts on its own. */
const TYPING_PAUSE = 300;

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The search page has no #${id}`);
  return found as T;
}

const root = byId<HTMLElement>("search");
const form = byId<HTMLFormElement>("search-form");
const input = byId<HTMLInputElement>("search-input");
const status = byId<HTMLElement>("search-status");
const list = byId<HTMLOListElement>("search-results");
const help = byId<HTMLElement>("search-help");
const more = byId<HTMLButtonElement>("search-more");

let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const api = (await import(`${root.dataset.pagefind}pagefind.js`)) as Pagefind;
    // Result URLs are stored as complete site paths (with any PATH_PREFIX): nothing to prepend.
    await api.options({ baseUrl: "/", ranking: SEARCH_RANKING });
    return api;
  })();
  // A failed load may succeed later (the connection came back): try again on the next search.
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

/** One result per article, with the best score any of the query's alternatives gave it. */
function mergeResults(responses: ({ results: PagefindResult[] } | null)[]): PagefindResult[] {
  const best = new Map<string, PagefindResult>();
  for (const response of responses) {
    for (const result of response?.results ?? []) {
      const known = best.get(result.id);
      if (!known || result.score > known.score) best.set(result.id, result);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

function text(tag: string, content: string, className?: string): HTMLElement {
  const element = document.createElement(tag);
  element.textContent = content;
  if (className) element.className = className;
  return element;
}

function renderResult(data: ResultData): HTMLLIElement {
  const item = document.createElement("li");
  const article = item.appendChild(document.createElement("article"));
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent =
    data.meta[RESULT_FIELDS.headline] ?? data.meta[RESULT_FIELDS.indexedTitle] ?? data.url;
  article.appendChild(document.createElement("h2")).appendChild(link);

  const titleWords = (data.meta[RESULT_FIELDS.indexedTitle] ?? "")
    .split(/\s+/u)
    .filter(Boolean).length;
  const excerpt = article.appendChild(document.createElement("p"));
  excerpt.className = "search-excerpt";
  for (const part of buildExcerpt(data.content, data.weighted_locations, titleWords)) {
    excerpt.appendChild(
      part.marked
        ? text("mark", forReaders(part.text))
        : document.createTextNode(forReaders(part.text)),
    );
  }

  const details = article.appendChild(document.createElement("p"));
  details.className = "list-meta";
  const section = data.filters[RESULT_FIELDS.section]?.[0];
  if (section) details.append(text("span", section, "search-section"), " ");
  const date = data.filters[RESULT_FIELDS.date]?.[0];
  if (date) {
    const time = text("time", date);
    time.setAttribute("datetime", data.filters[RESULT_FIELDS.datetime]?.[0] ?? "");
    details.append(time);
  }
  return item;
}

// Every search gets a number; a slower earlier search never overwrites a later one.
let generation = 0;
let results: PagefindResult[] = [];
let shown = 0;

function clear(): void {
  list.replaceChildren();
  help.hidden = true;
  more.hidden = true;
  results = [];
  shown = 0;
}

async function showMore(current: number): Promise<HTMLLIElement[]> {
  const page = results.slice(shown, shown + PAGE_SIZE);
  const data = await Promise.all(page.map((result) => result.data()));
  if (current !== generation) return [];
  const items = data.map(renderResult);
  list.append(...items);
  shown += page.length;
  more.hidden = shown >= results.length;
  return items;
}

function remember(query: string): void {
  const address = new URL(window.location.href);
  if (query) address.searchParams.set("q", query);
  else address.searchParams.delete("q");
  window.history.replaceState(null, "", address);
}

async function search(rawQuery: string): Promise<void> {
  const current = ++generation;
  const query = rawQuery.trim();
  const key = toQueryKey(query);
  remember(query);
  clear();
  if (!key) {
    status.textContent = say.ready;
    return;
  }
  status.textContent = say.loading;
  try {
    const api = await loadPagefind();
    const responses = await Promise.all(
      queryAlternatives(key).map(async ({ query: alternative, fused }) => {
        // A quoted word is looked up exactly: is the fused word in the index at all?
        if (fused && !(await api.search(`"${fused}"`))?.results.length) return null;
        return api.search(alternative);
      }),
    );
    if (current !== generation) return;
    results = mergeResults(responses);
    if (!results.length) {
      status.textContent = say.nothingFound(query);
      help.hidden = false;
      return;
    }
    await showMore(current);
    if (current === generation) status.textContent = say.found(results.length, query);
  } catch (error) {
    if (current !== generation) return;
    status.textContent = say.unavailable;
    help.hidden = false;
    console.error("Search failed:", error);
  }
}

let typing: ReturnType<typeof setTimeout> | undefined;

form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(typing);
  void search(input.value);
});

input.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => void search(input.value), TYPING_PAUSE);
});

more.addEventListener("click", async () => {
  const [first] = await showMore(generation);
  // Keyboard users continue from the first new result rather than from a button that moved.
  first?.querySelector("a")?.focus();
});

// Offline use: the worker's scope is the search page's folder, so it never controls another page.
if ("serviceWorker" in navigator && root.dataset.serviceWorker) {
  navigator.serviceWorker
    .register(root.dataset.serviceWorker, { scope: root.dataset.scope })
    .catch(() => undefined);
}

const initial = new URLSearchParams(window.location.search).get("q") ?? "";
input.value = initial;
if (initial.trim()) void search(initial);
else {
  status.textContent = say.ready;
  // Fetch Pagefind while the reader types; a failure shows when they search.
  loadPagefind().catch(() => undefined);
}
