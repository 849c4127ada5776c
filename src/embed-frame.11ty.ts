/**
 * /embed/frame/…: a light page per section for partners whose pages cannot run scripts,
 * to show in an iframe. No site chrome, no script; links open in the partner's window.
 */
import type { NewsSite, Section } from '../lib/index.ts';
import { html } from '../layouts/html.ts';
import { linkOutHost } from '../layouts/item-list.ts';
import { sitePath } from '../layouts/links.ts';

interface Data {
  readonly news: NewsSite;
  readonly section: Section;
}

export const data = {
  pagination: { data: 'news.sections', size: 1, alias: 'section' },
  permalink: (data: Data) => `/embed/frame${data.section.path}`,
  eleventyExcludeFromCollections: true,
};

/** How many items a framed list shows. */
const shown = 10;

export function render({ news, section }: Data): string {
  const { site } = news.config;
  const title = section.kind === 'all' ? `Latest news from ${site.title}` : `${section.name}: latest news from ${site.title}`;
  return `<!doctype html>\n${html`<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<meta name="description" content="The latest items from ${section.kind === 'all' ? site.title : `${section.name} in ${site.title}`}, for showing on partners' pages.">
<link rel="icon" href="${sitePath(news, '/assets/icon.svg')}" type="image/svg+xml">
<base target="_top">
<style>
body { margin: 0; padding: 0.75rem; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 1rem; line-height: 1.5; color: #212b32; background: #fff; }
h1 { font-size: 1.125rem; margin: 0 0 0.75rem; }
ul { list-style: none; margin: 0; padding: 0; }
li { margin: 0 0 0.75rem; }
h2 { font-size: 1rem; margin: 0; }
a { color: #005eb8; }
a:focus-visible { outline: 3px solid #212b32; background: #ffeb3b; color: #212b32; }
p { margin: 0; color: #4c6272; font-size: 0.875rem; }
.attribution { margin-top: 0.75rem; }
</style>
</head>
<body>
<main>
<h1>${title}</h1>
<ul>${section.items.slice(0, shown).map((item) => html`<li><article><h2><a href="${item.path ? sitePath(news, item.path) : item.url}">${item.title}</a></h2><p><time datetime="${item.date.iso}">${item.date.display.replace(/,.*$/, '')}</time>${item.organisation && html` · ${item.organisation}`}${linkOutHost(item) && html` · on ${linkOutHost(item)}`}</p></article></li>`)}</ul>
<p class="attribution"><a href="${sitePath(news, section.path)}">More from ${site.title}</a></p>
</main>
</body>
</html>
`}`;
}
