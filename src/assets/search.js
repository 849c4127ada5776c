// The search page: asks Pagefind's index (its JavaScript API) and lists the results as the
// site lists items (title, then date, streams and where it links to, then an excerpt of
// the text, never of the title, which is already above it). The words searched for stay in
// the address (?q=), which is also where a search can start. Every value is set as text.
const form = document.querySelector('.search-form');
const input = form?.querySelector('input[name="q"]');
const status = document.querySelector('.search-status');
const list = document.getElementById('search-results');
const more = document.querySelector('.search-more');
const shownAtOnce = 10;
const excerptWords = 30;

const pagefind = form && input && status && list && more ? await loadIndex(form.dataset.index, form.dataset.base) : undefined;

if (pagefind) {
  // The box is shown once it can answer (its place is kept until then, so nothing moves).
  form.dataset.ready = '';
  let results = [];
  let shown = 0;
  let asked = 0;

  const search = async (terms) => {
    const ask = ++asked;
    const query = terms.trim();
    const found = query === '' ? { results: [] } : await pagefind.search(query);
    if (ask !== asked) return;
    results = found.results;
    shown = 0;
    list.replaceChildren();
    if (!(await showMore(ask))) return;
    // Announced once the first results are on the page.
    status.textContent = query === '' ? '' : `${results.length === 0 ? 'No' : results.length} ${results.length === 1 ? 'result' : 'results'} for “${query}”`;
  };

  /** Adds the next results to the list; false when a newer search has started meanwhile. */
  const showMore = async (ask) => {
    const next = await Promise.all(results.slice(shown, shown + shownAtOnce).map((result) => result.data()));
    if (ask !== asked) return false;
    list.append(...next.map(renderResult));
    shown += next.length;
    more.hidden = shown >= results.length;
    return true;
  };

  // The address says what is searched for: sharing it, or coming back to it, searches again.
  const remember = (terms) => {
    const url = new URL(location.href);
    if (terms.trim() === '') url.searchParams.delete('q');
    else url.searchParams.set('q', terms);
    history.replaceState(null, '', url);
  };

  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      remember(input.value);
      search(input.value);
    }, 200);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    remember(input.value);
    search(input.value);
  });
  more.addEventListener('click', () => showMore(asked));

  const initial = new URLSearchParams(location.search).get('q') ?? '';
  if (initial !== '') {
    input.value = initial;
    search(initial);
  }
}

/** Pagefind's API, or undefined, said on the page, when the index cannot be loaded. */
async function loadIndex(index, base) {
  try {
    const api = await import(`${index}pagefind.js`);
    await api.options({ baseUrl: base });
    return api;
  } catch {
    status.textContent = 'Search is not available at the moment: the index could not be loaded. The archive, tags and streams below list every item.';
    return undefined;
  }
}

/** One result, as the site's lists show an item. */
function renderResult(result) {
  const item = element('li', 'item-summary');
  const article = element('article');
  const heading = element('h2');
  const link = element('a');
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  heading.append(link);
  const meta = element('p', 'meta');
  const parts = [result.meta.date, result.meta.streams, result.meta.organisation, result.meta['links to'] && `Links to ${result.meta['links to']}`].filter(Boolean);
  meta.textContent = parts.join(' · ');
  article.append(heading, meta, renderExcerpt(result));
  item.append(article);
  return item;
}

/**
 * The words around the first match after the title (the index's text starts with it), the
 * matches marked; the start of the text after the title when only the title matched.
 */
function renderExcerpt(result) {
  const words = result.content.split(/\s+/).filter(Boolean);
  const titleWords = (result.meta.title ?? '').split(/\s+/).filter(Boolean).length;
  const matches = new Set(result.locations.filter((at) => at >= titleWords));
  const first = Math.min(...matches, Infinity);
  const start = first === Infinity ? titleWords : Math.max(titleWords, first - Math.floor(excerptWords / 3));
  const excerpt = element('p');
  const chosen = words.slice(start, start + excerptWords);
  if (start > titleWords) excerpt.append('… ');
  chosen.forEach((word, index) => {
    if (index > 0) excerpt.append(' ');
    if (matches.has(start + index)) excerpt.append(element('mark', undefined, word));
    else excerpt.append(word);
  });
  if (start + excerptWords < words.length) excerpt.append(' …');
  return excerpt;
}

function element(name, className, text) {
  const node = document.createElement(name);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
