/**
 * /embed/: how partners show 3ML News on their own pages. Choose what to show, see it
 * live, copy the snippet. Without JavaScript the default snippet is there to copy.
 */
import { renderPage } from '../layouts/base.ts';
import { html, type SafeHtml } from '../layouts/html.ts';
import { sitePath } from '../layouts/links.ts';
import type { NewsConfig } from '../lib/config.ts';
import { siteUrl } from '../lib/urls.ts';
import type { EmbedData } from '../site/pages.ts';
import { embedFramePath, paths } from '../site/paths.ts';
import type { SectionInfo } from '../site/sections.ts';
import type { RenderContext } from './context.ts';

/**
 * The iframe's height in the snippet. The framed page fits any height (its list scrolls
 * between the heading and the attribution); this one shows four or five items on a phone,
 * seven or eight on a wide screen.
 */
const frameHeight = 480;

/** The snippet for a section with the default options, as the page first shows it. */
function scriptSnippet(config: NewsConfig, section: SectionInfo): string {
  const base = config.site.baseUrl;
  const attribute = section.kind === 'stream' ? ` stream="${section.key}"` : section.kind === 'tag' ? ` tag="${section.key.slice('tags/'.length)}"` : '';
  return `<script src="${siteUrl(base, paths.embedScript)}" defer></script>\n<threeml-news${attribute} limit="5">\n  <a href="${siteUrl(base, section.path)}">${section.kind === 'all' ? 'Latest news' : section.name} from ${config.site.title}</a>\n</threeml-news>`;
}

export function renderEmbed(data: EmbedData, _path: string, { config }: RenderContext): string {
  const all = data.sections.find((s) => s.kind === 'all') as SectionInfo;
  const option = (section: SectionInfo) => html`<option value="${section.key}">${section.kind === 'all' ? 'All news' : section.name}</option>`;
  const base = config.site.baseUrl;
  const origin = new URL(base).origin;
  const maxItems = config.feeds.subscriptionSize;
  return renderPage({
    config,
    route: 'embed',
    title: 'Embed our news',
    description: `Show the latest news from ${config.site.title}, or one stream or tag of it, on your own website.`,
    path: paths.embed,
    copyButtons: true,
    feeds: data.feeds,
    head: html`<script src="${sitePath(config, paths.embedScript)}" defer></script>
<script src="${sitePath(config, paths.embedBuilderScript)}" defer></script>
`,
    main: html`<h1>Embed our news</h1>
<p class="lead">Show the latest news from ${config.site.title} on your own website: paste one snippet, with no build step. It takes your page's fonts and colours, and nothing in our news can run script on your page.</p>
<form class="embed-form" id="embed-form" data-base="${base}" data-site-title="${config.site.title}" data-frame-height="${frameHeight}">
<h2>Choose what to show</h2>
<p><label for="embed-section">News to show</label><br>
<select id="embed-section" name="section">
${option(all)}
<optgroup label="Streams">${data.sections.filter((s) => s.kind === 'stream').map(option)}</optgroup>
<optgroup label="Tags">${data.sections.filter((s) => s.kind === 'tag').map(option)}</optgroup>
</select></p>
<p><label for="embed-limit">Number of items</label><br><input id="embed-limit" name="limit" type="number" min="1" max="${maxItems}" value="5" inputmode="numeric"></p>
<p><input id="embed-summaries" name="summaries" type="checkbox"> <label for="embed-summaries">Show each item's summary</label></p>
<p><label for="embed-heading">Heading level</label><br>
<select id="embed-heading" name="heading-level">${[2, 3, 4, 5].map((level) => html`<option value="${level}">h${level}</option>`)}</select></p>
<p><label for="embed-language">Language of dates</label><br>
<select id="embed-language" name="date-language">
<option value="">Your page's language</option>
<option value="en-GB">English (UK)</option>
<option value="cy">Welsh</option>
<option value="fr">French</option>
<option value="pl">Polish</option>
</select></p>
</form>
<h2>Preview</h2>
<div class="embed-preview" id="embed-preview">
<threeml-news limit="5" heading-level="3"><a href="${sitePath(config, paths.home)}">Latest news from ${config.site.title}</a></threeml-news>
</div>
<h2>Your snippet</h2>
<p>Paste this where the news should appear. The link inside is what visitors see while the news loads, and if it cannot load.</p>
${renderSnippet('embed-snippet', 'The snippet to paste', scriptSnippet(config, all))}
<h2>Without JavaScript: an iframe</h2>
<p>If your pages cannot run scripts, show a list in an iframe instead. It has its own plain style, and fits any height you give it: the ten newest items scroll between the heading and the link back to us.</p>
${renderSnippet('embed-iframe', 'The iframe to paste', `<iframe src="${siteUrl(base, embedFramePath(all.path))}" title="Latest news from ${config.site.title}" width="100%" height="${frameHeight}" style="border: 0"></iframe>`)}
<h2>Options and styling</h2>
<dl class="details">
<dt><code>stream</code> or <code>tag</code></dt><dd>one stream (${config.streams.map((s) => s.slug).join(', ')}) or one tag, written as on our pages or as in its address (<code>Telehealth</code> or <code>telehealth</code>); neither shows all news</dd>
<dt><code>limit</code></dt><dd>how many items, 1 to ${maxItems} (every feed carries at least its latest ${maxItems}); 5 if left out or not a number from 1 up, ${maxItems} if more</dd>
<dt><code>summaries</code></dt><dd>present to show each item's summary</dd>
<dt><code>heading-level</code></dt><dd>2 to 5 (2 if left out): the list's heading level, to fit your page's outline; item titles are one level below; 1 counts as 2, and 6 or more as 5</dd>
<dt><code>heading</code></dt><dd>your own heading text, instead of the feed's title</dd>
<dt><code>date-language</code></dt><dd>a language tag for dates, such as <code>cy</code>; your page's language if left out; <code>${config.site.language}</code> when the browser does not know the language or the tag is malformed. Dates are in ${config.site.timeZone} time, wherever the visitor is.</dd>
</dl>
<p>The news takes your page's font and text colour. To style it further, set these custom properties on <code>threeml-news</code>: <code>--threeml-news-link-colour</code>, <code>--threeml-news-muted-colour</code>, <code>--threeml-news-focus-colour</code> and <code>--threeml-news-focus-text-colour</code> (a focused link's background and its text and underline: yellow and near-black by default, visible on light and dark pages alike), <code>--threeml-news-gap</code>, <code>--threeml-news-heading-size</code>, <code>--threeml-news-title-size</code>; or style its parts with <code>threeml-news::part(…)</code>: <code>heading</code>, <code>list</code>, <code>entry</code>, <code>item</code>, <code>title</code>, <code>link</code>, <code>meta</code>, <code>date</code>, <code>summary</code>, <code>empty</code> (the message when there is no news), <code>attribution</code>, <code>attribution-link</code>. The script also works loaded as <code>&lt;script type="module"&gt;</code>, and you can change the attributes after the page has loaded.</p>
<h2>If your pages have a Content-Security-Policy</h2>
<p>The snippet needs our address, <code>${origin}</code>, in two directives of your policy: <code>script-src</code>, to load the script, and <code>connect-src</code>, for it to read our news (or in <code>default-src</code>, if your policy has neither). For example: <code>script-src 'self' ${origin}; connect-src 'self' ${origin}</code>. It needs nothing else: no <code>'unsafe-inline'</code>, no <code>'unsafe-eval'</code>, and nothing in <code>style-src</code>, as it brings its styles as a stylesheet made by the script, which policies do not restrict. Browsers without such stylesheets (Safari before 16.4, Firefox before 101) get its styles in a <code>&lt;style&gt;</code> element, which a <code>style-src</code> without <code>'unsafe-inline'</code> refuses; the news then shows in your page's own styles. If your <code>script-src</code> has <code>'strict-dynamic'</code>, which sets addresses aside, give the snippet's <code>&lt;script&gt;</code> your nonce instead.</p>
<p>The iframe needs our address in <code>frame-src</code> (or <code>child-src</code> or <code>default-src</code>, if your policy has no <code>frame-src</code>): <code>frame-src ${origin}</code>. If your policy refuses style attributes, leave out <code>style="border: 0"</code> and give the iframe <code>border: 0</code> in your own stylesheet.</p>`,
  });
}

function renderSnippet(id: string, label: string, code: string): SafeHtml {
  return html`<p><label for="${id}" class="visually-hidden">${label}</label>
<textarea id="${id}" class="snippet" readonly rows="${code.split('\n').length + 1}" spellcheck="false">${code}</textarea>
<button type="button" class="copy" data-copy-from="${id}" hidden>Copy<span class="visually-hidden"> ${label.toLowerCase()}</span></button></p>`;
}
