/** /tags/: every tag, with how many items carry it. */
import { renderPage } from '../layouts/base.ts';
import { html } from '../layouts/html.ts';
import { sitePath } from '../layouts/links.ts';
import type { TagsData } from '../site/pages.ts';
import { paths } from '../site/paths.ts';
import type { RenderContext } from './context.ts';

export function renderTags(data: TagsData, _path: string, { config }: RenderContext): string {
  return renderPage({
    config,
    route: 'tags',
    title: 'Tags',
    description: `Every tag used in ${config.site.title}, with the number of items for each.`,
    path: paths.tags,
    feeds: data.feeds,
    main: html`<h1>Tags</h1>
<p class="lead">Every item carries tags for what it is about. Each tag has its own page and feeds.</p>
<ul class="tag-list">${data.tags.map((t) => html`<li><a href="${sitePath(config, t.path)}">${t.name} <span class="meta">(${t.count})</span></a></li>`)}</ul>`,
  });
}
