/** Links inside the site carry the path prefix, so the site works under a sub-path such as /news/. */
import type { NewsConfig } from '../lib/config.ts';
import { sitePathOf, toSitePaths } from '../lib/urls.ts';
import { html, type SafeHtml } from './html.ts';

export { sitePath } from '../site/paths.ts';

/** An absolute URL of the site as a path with the prefix (see `toSitePaths`); other URLs unchanged. */
export function localUrl(config: NewsConfig, url: string): string {
  return sitePathOf(url, config.site.baseUrl, config.site.pathPrefix);
}

/** Body HTML with the site's own URLs as paths, for pages. */
export function localHtml(config: NewsConfig, html: string): string {
  return toSitePaths(html, config.site.baseUrl, config.site.pathPrefix);
}

/**
 * A URL shown as text, allowed to wrap after each slash of its path (`<wbr>`), so that
 * on a narrow screen it breaks between segments rather than in the middle of a word.
 */
export function renderWrappingUrl(url: string): SafeHtml {
  const scheme = /^[a-z][a-z\d+.-]*:\/\//i.exec(url)?.[0] ?? '';
  const segments = url.slice(scheme.length).split('/');
  return html`${scheme}${segments.map((segment, index) => html`${index > 0 && html`/<wbr>`}${segment}`)}`;
}
