/**
 * The 3ML News embed: `<threeml-news>`, a custom element a partner pastes into any page
 * with one script tag. It reads the site's JSON Feed and renders the latest items inside
 * a shadow root, so no CSS leaks in or out, while fonts and colours are inherited from
 * the partner's page. Every string from the feed is set as text (never as HTML), and
 * only http(s) links become links. Until the feed arrives, and if it never does, the
 * partner's own fallback content (the element's children) is what shows.
 *
 *   <script src="https://news.example.org/embed/v1/news.js" defer></script>
 *   <threeml-news stream="social-care" limit="5" summaries heading-level="3" date-language="en-GB">
 *     <a href="https://news.example.org/social-care/">Social care news from 3ML News</a>
 *   </threeml-news>
 *
 * The feed is other people's data as far as this script knows: any field may be missing
 * or of the wrong type, and a bad item or field is skipped without a word, since the
 * partner's console is theirs.
 */
import type { EmbedSettings } from './bundle.ts';
import { slugOf } from './slug.ts';

/** Written in by esbuild from the site's configuration (embed/bundle.ts). */
declare const EMBED_SETTINGS: EmbedSettings;
const { timeZone, language: siteLanguage, maxItems } = EMBED_SETTINGS;

type Fields = Readonly<Record<string, unknown>>;

// The site's base URL is where this script lives, two folders up (/embed/v1/news.js),
// so one snippet works wherever the site is hosted, under a path prefix too. A module
// script (type="module") has no currentScript, so the script is then found by its URL.
const script = (document.currentScript as HTMLScriptElement | null) ?? [...document.scripts].find((s) => /\/embed\/v1\/news\.js(?:[?#]|$)/.test(s.src));
const siteBase = new URL('../../', script?.src ?? location.href).href;

const attributes = ['stream', 'tag', 'limit', 'summaries', 'heading-level', 'heading', 'date-language'];

const styles = `
:host { display: block; overflow-wrap: anywhere; }
:host([hidden]) { display: none; }
section { margin: 0; }
h2, h3, h4, h5, h6 { font-size: var(--threeml-news-heading-size, 1.25em); margin: 0 0 0.5em; line-height: 1.25; }
ul { list-style: none; margin: 0; padding: 0; }
li { margin: 0 0 var(--threeml-news-gap, 1em); }
article > :first-child { font-size: var(--threeml-news-title-size, 1em); margin: 0 0 0.25em; }
p { margin: 0 0 0.25em; }
a { color: var(--threeml-news-link-colour, inherit); text-decoration: underline; }
a:focus-visible {
  outline: 3px solid transparent;
  color: var(--threeml-news-focus-text-colour, #212b32);
  background: var(--threeml-news-focus-colour, #ffeb3b);
  box-shadow: 0 -2px var(--threeml-news-focus-colour, #ffeb3b), 0 4px var(--threeml-news-focus-text-colour, #212b32);
  text-decoration: none;
  -webkit-box-decoration-break: clone;
  box-decoration-break: clone;
}
.meta { color: var(--threeml-news-muted-colour, inherit); font-size: 0.875em; }
.attribution { font-size: 0.875em; margin-top: 0.5em; }
`;

// A partner's Content-Security-Policy may allow only its own stylesheets (style-src 'self'),
// which blocks a <style> element, in a shadow root as anywhere, but not a stylesheet made
// by script: one constructed sheet serves every element on the page. Browsers without
// constructed stylesheets get a <style> element in each shadow root instead.
const sheet = 'adoptedStyleSheets' in ShadowRoot.prototype ? new CSSStyleSheet() : undefined;
sheet?.replaceSync(styles);

/** The object itself, or undefined for null, arrays and everything that is not an object. */
function fields(value: unknown): Fields | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : undefined;
}

/** Text, or nothing: anything from the feed that is not a string is ignored. */
function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** An http(s) URL, or undefined: `javascript:` and every other scheme are refused. */
function httpUrl(value: unknown): URL | undefined {
  try {
    const url = new URL(text(value));
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The attribute as a whole number up to `max`; `fallback` when it is missing, not a number or below 1. */
function whole(value: string | null, fallback: number, max: number): number {
  const number = Number.parseInt(value ?? '', 10);
  return number >= 1 ? Math.min(number, max) : fallback;
}

/** Dates in the site's zone, in `language` when the browser has it, else in the site's language. */
function dateFormat(language: string): Intl.DateTimeFormat {
  const options = { day: 'numeric', month: 'long', year: 'numeric', timeZone } as const;
  try {
    // `en_GB` is a common way to miswrite `en-GB`; other malformed tags throw RangeError.
    return new Intl.DateTimeFormat([language.replace(/_/g, '-'), siteLanguage], options);
  } catch {
    return new Intl.DateTimeFormat(siteLanguage, options);
  }
}

function element<K extends keyof HTMLElementTagNameMap>(name: K, part: string, content?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(name);
  node.setAttribute('part', part);
  if (content !== undefined) node.textContent = content;
  return node;
}

class ThreeMlNews extends HTMLElement {
  static observedAttributes = attributes;
  #root = this.attachShadow({ mode: 'open' });
  #loading: AbortController | undefined;
  #queued = false;

  constructor() {
    super();
    if (sheet) this.#root.adoptedStyleSheets = [sheet];
    this.#showFallback();
  }

  connectedCallback(): void {
    this.#queue();
  }

  attributeChangedCallback(): void {
    this.#queue();
  }

  disconnectedCallback(): void {
    this.#loading?.abort();
  }

  /** One load for all the attribute changes made together (and for the upgrade's own). */
  #queue(): void {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (this.isConnected) void this.#load();
    });
  }

  /** The shadow root's content, with the styles as an element where they cannot be adopted. */
  #show(content: Node): void {
    this.#root.replaceChildren(...(sheet ? [] : [Object.assign(document.createElement('style'), { textContent: styles })]), content);
  }

  /** Until the feed arrives, and whenever it cannot, the partner's own content shows through the slot. */
  #showFallback(): void {
    this.#show(document.createElement('slot'));
  }

  /** The feed to show; none when a stream or tag is named that no slug can be made of (the site's own slug is needed then). */
  #feedUrl(): string | undefined {
    const [stream = '', tag = ''] = ['stream', 'tag'].map((name) => this.getAttribute(name)?.trim() ?? '');
    const path = stream ? `${slugOf(stream)}/` : tag ? `tags/${slugOf(tag)}/` : '';
    return path === '/' || path === 'tags//' ? undefined : new URL(`${path}feed.json`, siteBase).href;
  }

  async #load(): Promise<void> {
    // A newer load makes the one under way stale: it is aborted, and could not render anyway.
    this.#loading?.abort();
    const loading = new AbortController();
    this.#loading = loading;
    let feed: Fields | undefined;
    const url = this.#feedUrl();
    try {
      const response = url === undefined ? undefined : await fetch(url, { credentials: 'omit', signal: loading.signal });
      if (response?.ok) feed = fields(await response.json());
    } catch {
      // The browser has already reported a failed request itself; the fallback shows.
    }
    if (loading.signal.aborted) return;
    if (feed && Array.isArray(feed.items)) this.#render(feed, feed.items);
    else this.#showFallback();
  }

  #render(feed: Fields, items: readonly unknown[]): void {
    // Item titles are one level below the heading, and h6 is the last level HTML has.
    const level = Math.max(2, whole(this.getAttribute('heading-level'), 2, 5));
    const limit = whole(this.getAttribute('limit'), 5, maxItems);
    const dates = dateFormat(this.getAttribute('date-language') || document.documentElement.lang || siteLanguage);
    const home = httpUrl(feed.home_page_url) ?? new URL(siteBase);
    const section = element('section', 'container');
    const heading = element(`h${level}` as 'h2', 'heading', this.getAttribute('heading') || text(feed.title) || '3ML News');
    heading.id = 'heading';
    section.setAttribute('aria-labelledby', 'heading');
    const entries = items.flatMap((item) => this.#entry(fields(item), level, dates, home.origin)).slice(0, limit);
    const list = entries.length > 0 ? element('ul', 'list') : element('p', 'empty', 'No news here yet.');
    list.append(...entries);
    const attribution = element('p', 'attribution');
    attribution.className = 'attribution';
    attribution.append(Object.assign(element('a', 'attribution-link', 'More news from 3ML News'), { href: home.href }));
    section.append(heading, list, attribution);
    this.#show(section);
  }

  /** The item as a list entry, or nothing when it is not an item with a title. */
  #entry(item: Fields | undefined, level: number, dates: Intl.DateTimeFormat, siteOrigin: string): HTMLLIElement[] {
    const title = text(item?.title);
    if (!item || !title) return [];
    // Link posts and partner items say where their news lives, as the iframe and the site do.
    const url = httpUrl(item.url);
    const away = httpUrl(item.external_url) ?? (url?.origin === siteOrigin ? undefined : url);
    const article = element('article', 'item');
    const titleHeading = element(`h${level + 1}` as 'h3', 'title', url ? undefined : title);
    if (url) titleHeading.append(Object.assign(element('a', 'link', title), { href: url.href }));
    const meta = element('p', 'meta');
    meta.className = 'meta';
    const published = new Date(text(item.date_published));
    if (!Number.isNaN(published.getTime())) {
      const time = element('time', 'date', dates.format(published));
      time.dateTime = published.toISOString();
      meta.append(time);
    }
    const extension = fields(item._threeml);
    const streams = (Array.isArray(extension?.streams) ? extension.streams : []).map((s: unknown) => text(fields(s)?.title)).filter(Boolean);
    for (const part of [streams.join(', '), text(extension?.organisation), away && `on ${away.hostname.replace(/^www\./, '')}`]) {
      if (part) meta.append(meta.childNodes.length > 0 ? ` · ${part}` : part);
    }
    article.append(titleHeading, meta);
    if (this.hasAttribute('summaries') && text(item.summary)) article.append(element('p', 'summary', text(item.summary)));
    const entry = element('li', 'entry');
    entry.append(article);
    return [entry];
  }
}

// Pasting the snippet twice loads the script twice: the element is defined once.
if (!customElements.get('threeml-news')) customElements.define('threeml-news', ThreeMlNews);
