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
 */

interface FeedItem {
  readonly url?: unknown;
  readonly external_url?: unknown;
  readonly title?: unknown;
  readonly summary?: unknown;
  readonly date_published?: unknown;
  readonly _threeml?: { readonly streams?: readonly { readonly title?: unknown }[]; readonly organisation?: unknown };
}

interface Feed {
  readonly title?: unknown;
  readonly home_page_url?: unknown;
  readonly items?: unknown;
}

// The site's base URL is where this script lives, two folders up (/embed/v1/news.js),
// so one snippet works wherever the site is hosted, under a path prefix too.
const script = document.currentScript as HTMLScriptElement | null;
const siteBase = new URL('../../', script?.src ?? location.href).href;

const styles = `
:host { display: block; }
:host([hidden]) { display: none; }
section { margin: 0; }
h2, h3, h4, h5, h6 { font-size: var(--threeml-news-heading-size, 1.25em); margin: 0 0 0.5em; line-height: 1.25; }
ul { list-style: none; margin: 0; padding: 0; }
li { margin: 0 0 var(--threeml-news-gap, 1em); }
article > :first-child { font-size: var(--threeml-news-title-size, 1em); margin: 0 0 0.25em; }
p { margin: 0 0 0.25em; }
a { color: var(--threeml-news-link-colour, inherit); text-decoration: underline; }
a:focus-visible { outline: 3px solid var(--threeml-news-focus-colour, #ffbf47); outline-offset: 2px; }
.meta { color: var(--threeml-news-muted-colour, inherit); font-size: 0.875em; }
.attribution { font-size: 0.875em; margin-top: 0.5em; }
`;

/** Text, or nothing: anything from the feed that is not a string is ignored. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** An http(s) URL, or undefined: `javascript:` and every other scheme are refused. */
function httpUrl(value: unknown): string | undefined {
  try {
    const url = new URL(text(value));
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function element<K extends keyof HTMLElementTagNameMap>(name: K, part: string, content?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(name);
  node.setAttribute('part', part);
  if (content !== undefined) node.textContent = content;
  return node;
}

class ThreeMlNews extends HTMLElement {
  #root = this.attachShadow({ mode: 'open' });

  connectedCallback(): void {
    // Until the feed arrives, the partner's fallback content shows through the slot.
    this.#root.replaceChildren(document.createElement('slot'));
    this.load().catch(() => {
      // The fallback stays; the browser has already reported the failed request itself.
    });
  }

  feedUrl(): string {
    const stream = this.getAttribute('stream');
    const tag = this.getAttribute('tag');
    const path = stream ? `${encodeURIComponent(stream)}/` : tag ? `tags/${encodeURIComponent(tag)}/` : '';
    return new URL(`${path}feed.json`, siteBase).href;
  }

  async load(): Promise<void> {
    const response = await fetch(this.feedUrl(), { credentials: 'omit' });
    if (!response.ok) return;
    const feed = (await response.json()) as Feed;
    if (!Array.isArray(feed.items)) return;
    const limit = Math.min(50, Math.max(1, Number.parseInt(this.getAttribute('limit') ?? '', 10) || 5));
    this.render(feed, (feed.items as FeedItem[]).slice(0, limit));
  }

  render(feed: Feed, items: readonly FeedItem[]): void {
    const level = Math.min(5, Math.max(1, Number.parseInt(this.getAttribute('heading-level') ?? '', 10) || 2));
    const dates = new Intl.DateTimeFormat(this.getAttribute('date-language') || document.documentElement.lang || 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    const section = element('section', 'container');
    const heading = element(`h${level}` as 'h2', 'heading', this.getAttribute('heading') || text(feed.title) || '3ML News');
    heading.id = 'heading';
    section.setAttribute('aria-labelledby', 'heading');
    const list = element('ul', 'list');
    for (const item of items) {
      const title = text(item.title);
      const href = httpUrl(item.external_url) ?? httpUrl(item.url);
      if (!title) continue;
      const article = element('article', 'item');
      const titleHeading = element(`h${level + 1}` as 'h3', 'title');
      if (href) {
        const link = element('a', 'link', title);
        link.href = href;
        titleHeading.append(link);
      } else {
        titleHeading.textContent = title;
      }
      article.append(titleHeading, this.meta(item, dates));
      if (this.hasAttribute('summaries') && text(item.summary)) article.append(element('p', 'summary', text(item.summary)));
      const entry = element('li', 'entry');
      entry.append(article);
      list.append(entry);
    }
    const attribution = element('p', 'attribution');
    const home = httpUrl(feed.home_page_url) ?? siteBase;
    attribution.append(Object.assign(element('a', 'attribution-link', 'More news from 3ML News'), { href: home }));
    const style = document.createElement('style');
    style.textContent = styles;
    section.append(heading, list, attribution);
    this.#root.replaceChildren(style, section);
  }

  meta(item: FeedItem, dates: Intl.DateTimeFormat): HTMLParagraphElement {
    const meta = element('p', 'meta');
    meta.className = 'meta';
    const published = new Date(text(item.date_published));
    if (!Number.isNaN(published.getTime())) {
      const time = element('time', 'date', dates.format(published));
      time.dateTime = published.toISOString();
      meta.append(time);
    }
    const streams = (item._threeml?.streams ?? []).map((s) => text(s.title)).filter(Boolean);
    for (const part of [streams.join(', '), text(item._threeml?.organisation)]) if (part) meta.append(meta.childNodes.length > 0 ? ` · ${part}` : part);
    return meta;
  }
}

// Pasting the snippet twice loads the script twice: the element is defined once.
if (!customElements.get('threeml-news')) customElements.define('threeml-news', ThreeMlNews);
