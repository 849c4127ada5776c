/**
 * /embed/frame/…: a light page per section for partners whose pages cannot run scripts,
 * to show in an iframe. No site chrome, no script, a small stylesheet of its own; links open
 * in the partner's window.
 */
import { renderDay } from '../layouts/dates.ts';
import { html } from '../layouts/html.ts';
import { itemHref, linkOutHost } from '../layouts/item-list.ts';
import { sitePath } from '../layouts/links.ts';
import { renderPolicyMeta } from '../layouts/meta.ts';
import type { EmbedFrameData } from '../site/pages.ts';
import { paths } from '../site/paths.ts';
import type { RenderContext } from './context.ts';

export function renderEmbedFrame({ section, items }: EmbedFrameData, _path: string, { config }: RenderContext): string {
  const { site } = config;
  const title = section.kind === 'all' ? `Latest news from ${site.title}` : `${section.name}: latest news from ${site.title}`;
  return `<!doctype html>\n${html`<html lang="${site.language}">
<head>
<meta charset="utf-8">
${renderPolicyMeta('embedFrame')}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<meta name="description" content="The latest items from ${section.kind === 'all' ? site.title : `${section.name} in ${site.title}`}, for showing on partners' pages.">
<link rel="icon" href="${sitePath(config, paths.icon)}" type="image/svg+xml">
<base target="_top">
<link rel="stylesheet" href="${sitePath(config, paths.embedFrameStylesheet)}">
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
