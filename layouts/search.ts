/**
 * The search page (/search/): a form that works with the keyboard alone, a live status line and
 * a list of results, all filled in by the page's script (src/search/browser/search-page.ts), the
 * only script the site ships. Without JavaScript the page says why nothing happens and offers the
 * archive and the tags instead.
 */
import type { Assets } from "../src/assets.ts";
import { html } from "../src/html.ts";
import { routes } from "../src/routes.ts";
import type { SearchAssets } from "../src/search/assets.ts";
import { SEARCH_MANIFEST_PATH, SERVICE_WORKER_PATH } from "../src/search/paths.ts";
import { searchMessages as say } from "../src/search/messages.ts";
import { sitePath } from "../src/urls.ts";
import { renderPage } from "./base.ts";

export function renderSearchPage(assets: Assets, searchAssets: SearchAssets): string {
  const archive = html`<a href="${sitePath(routes.archive())}">${say.archive}</a>`;
  const body = html`<div class="search-page" id="search" data-index="${sitePath(SEARCH_MANIFEST_PATH)}" data-service-worker="${sitePath(SERVICE_WORKER_PATH)}" data-scope="${sitePath(routes.search())}">
<h1>${say.title}</h1>
<form class="search-form" id="search-form" role="search" action="${sitePath(routes.search())}" method="get">
<label for="search-input">${say.label}</label>
<div class="search-row">
<input id="search-input" name="q" type="search" autocomplete="off" enterkeyhint="search" placeholder="${say.placeholder}" aria-describedby="search-hint">
<button type="submit">${say.submit}</button>
</div>
<p class="search-hint" id="search-hint">${say.hint}</p>
</form>
<noscript><p class="search-noscript">${say.noScript} ${archive}، <a href="${sitePath(routes.tags())}">${say.tags}</a>.</p></noscript>
<p class="search-status" id="search-status" role="status" aria-live="polite"></p>
<ol class="article-list search-results" id="search-results" aria-label="${say.resultsLabel}"></ol>
<p class="search-help" id="search-help" hidden>${say.nothingFoundHint} ${archive}</p>
<button class="search-more" id="search-more" type="button" hidden>${say.more}</button>
</div>`;
  return renderPage({
    path: routes.search(),
    title: say.title,
    description: say.description,
    body,
    assets,
    head: html`<link rel="stylesheet" href="${sitePath(searchAssets.style.path)}">
<script type="module" src="${sitePath(searchAssets.script.path)}"></script>
`,
  });
}
