/**
 * The search page's script, the only JavaScript the site ships: bundled by esbuild into
 * /assets/search.<hash>.js (src/search/assets.ts) and loaded by /search/ alone.
 *
 * It asks the engine (./engine.ts: the site's own index, fetched as JSON) for the articles
 * matching the query, and writes them as a list of links with DOM methods only (text nodes and
 * <mark>, never innerHTML), ten at a time. The query lives in the address (`?q=`), so a search
 * can be linked, reloaded and gone back to.
 */
import { buildExcerpt, forReaders } from "../excerpt.ts";
import { searchMessages as say } from "../messages.ts";
import { toQueryKey } from "../query-key.ts";
import {
  createSearchEngine,
  type SearchEngine,
  type SearchHit,
  type SearchResult,
} from "./engine.ts";

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

let engine: SearchEngine | undefined;

function searchEngine(): SearchEngine {
  const manifest = root.dataset.index;
  if (!manifest) throw new Error("The search page names no index (data-index)");
  engine ??= createSearchEngine({ manifestUrl: new URL(manifest, window.location.href).href });
  return engine;
}

function text(tag: string, content: string, className?: string): HTMLElement {
  const element = document.createElement(tag);
  element.textContent = content;
  if (className) element.className = className;
  return element;
}

function renderResult(result: SearchResult): HTMLLIElement {
  const item = document.createElement("li");
  const article = item.appendChild(document.createElement("article"));
  const link = document.createElement("a");
  link.href = result.url;
  link.textContent = result.headline;
  article.appendChild(document.createElement("h2")).appendChild(link);

  const excerpt = article.appendChild(document.createElement("p"));
  excerpt.className = "search-excerpt";
  for (const part of buildExcerpt(result.content, result.locations, result.titleWords)) {
    excerpt.appendChild(
      part.marked
        ? text("mark", forReaders(part.text))
        : document.createTextNode(forReaders(part.text)),
    );
  }

  const details = article.appendChild(document.createElement("p"));
  details.className = "list-meta";
  if (result.section) details.append(text("span", result.section, "search-section"), " ");
  if (result.date) {
    const time = text("time", result.date);
    time.setAttribute("datetime", result.datetime);
    details.append(time);
  }
  return item;
}

// Every search gets a number; a slower earlier search never overwrites a later one.
let generation = 0;
let results: SearchHit[] = [];
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
  const loaded = await Promise.all(page.map((hit) => searchEngine().load(hit)));
  if (current !== generation) return [];
  const items = loaded.map(renderResult);
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
  remember(query);
  clear();
  // Nothing but spaces, ZWNJs or invisible marks: nothing to search for.
  if (!toQueryKey(query)) {
    status.textContent = say.ready;
    return;
  }
  status.textContent = say.loading;
  try {
    const found = await searchEngine().search(query);
    if (current !== generation) return;
    results = found;
    if (!results.length) {
      status.textContent = say.nothingFound(query);
      help.hidden = false;
      return;
    }
    await showMore(current);
    if (current === generation) status.textContent = say.found(results.length, query);
  } catch (error) {
    failed(current, error);
  }
}

function failed(current: number, error: unknown): void {
  // A failed fetch may succeed later, and a new build may have replaced the index: start afresh.
  engine = undefined;
  if (current !== generation) return;
  status.textContent = say.unavailable;
  help.hidden = false;
  console.error("Search failed:", error);
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
  const current = generation;
  try {
    const [first] = await showMore(current);
    // Keyboard users continue from the first new result rather than from a button that moved.
    first?.querySelector("a")?.focus();
  } catch (error) {
    failed(current, error);
  }
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
  // Fetch the manifest while the reader types; a failure shows when they search.
  searchEngine()
    .prepare()
    .catch(() => (engine = undefined));
}
