/**
 * /embed/frame/…: a light page per section for partners whose pages cannot run scripts,
 * to show in an iframe. No site chrome, no script; links open in the partner's window.
 */
import { renderDay } from '../layouts/dates.ts';
import { html } from '../layouts/html.ts';
import { itemHref, linkOutHost } from '../layouts/item-list.ts';
import { sitePath } from '../layouts/links.ts';
import type { EmbedFrameData } from '../site/pages.ts';
import { paths } from '../site/paths.ts';
import type { RenderContext } from './context.ts';

export function renderEmbedFrame({ section, items }: EmbedFrameData, _path: string, { config }: RenderContext): string {
  const { site } = config;
  const title = section.kind === 'all' ? `Latest news from ${site.title}` : `${section.name}: latest news from ${site.title}`;
  return `<!doctype html>\n${html`<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<meta name="description" content="The latest items from ${section.kind === 'all' ? site.title : `${section.name} in ${site.title}`}, for showing on partners' pages.">
<link rel="icon" href="${sitePath(config, paths.icon)}" type="image/svg+xml">
<base target="_top">
<style>
/* Made to fit any iframe height: the heading and the attribution always show, and the
   list between them scrolls when the frame is too short for it. */
html, body { height: 100%; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 1rem; line-height: 1.4; color: #212b32; background: #fff; overflow-wrap: anywhere; }
main { display: flex; flex-direction: column; height: 100%; padding: 0.75rem; box-sizing: border-box; }
h1 { font-size: 1.125rem; margin: 0 0 0.5rem; }
ul { flex: 1 1 0; min-height: 5rem; overflow-y: auto; list-style: none; margin: 0; padding: 0.5rem 0.25rem 0.25rem 0; border-block: 1px solid #d8dde0; }
li { margin: 0 0 0.625rem; }
h2 { font-size: 1rem; margin: 0; }
a { color: #005eb8; }
a:focus-visible { outline: 3px solid transparent; background: #ffeb3b; color: #212b32; box-shadow: 0 -2px #ffeb3b, 0 4px #212b32; text-decoration: none; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
p { margin: 0; color: #4c6272; font-size: 0.875rem; }
.attribution { margin-top: 0.5rem; }
</style>
</head>
<body>
<main>
<h1>${title}</h1>
<ul>${items.map((item) => html`<li><article><h2><a href="${itemHref(config, item)}">${item.title}</a></h2><p>${renderDay(item.date)}${item.organisation && html` · ${item.organisation}`}${linkOutHost(item) && html` · on ${linkOutHost(item)}`}</p></article></li>`)}</ul>
<p class="attribution"><a href="${sitePath(config, section.path)}">More from ${site.title}</a></p>
</main>
</body>
</html>
`}`;
}
