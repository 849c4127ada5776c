/** URL rules shared by the content check, normalisation and the outputs. */

/** An absolute http(s) URL with a host. */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** How a link's site is named to readers: its host, without `www.` (`https://www.example.org/x` → `example.org`). */
export function shownHost(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

/** A site-relative path such as `/files/plan.pdf` (not a protocol-relative `//host/...`). */
export function isSitePath(text: string): boolean {
  return text.startsWith('/') && !text.startsWith('//') && !/\s/.test(text);
}

/** `value` resolved against `base`, or undefined when it is not a URL at all. */
export function absoluteUrl(value: string, base: string): string | undefined {
  try {
    return new URL(value.trim(), base).href;
  } catch {
    return undefined;
  }
}

/** A site path made absolute against the site's base URL (which carries the path prefix). */
export function siteUrl(baseUrl: string, path: string): string {
  return baseUrl + path.replace(/^\//, '');
}

/**
 * Body HTML for the site's own pages: absolute URLs of the site become site paths
 * (`https://host/news/files/x` → `/news/files/x`), so a build works wherever it is served
 * from, a local preview included. Exact, because the sanitiser escapes every quote in
 * text: `="` only ever opens an attribute.
 */
export function toSitePaths(html: string, baseUrl: string, pathPrefix: string): string {
  return html.replaceAll(`="${baseUrl}`, `="${pathPrefix}`);
}

/** One URL of the site as a site path with the prefix; other URLs unchanged. */
export function sitePathOf(url: string, baseUrl: string, pathPrefix: string): string {
  return url.startsWith(baseUrl) ? pathPrefix + url.slice(baseUrl.length) : url;
}

/**
 * Where a local item is published: `/<home stream>/<year>/<file slug>/`. The one place
 * that says so; the site asks it for the pattern too (`itemPath(':stream', ':year', ':slug')`).
 */
export function itemPath(stream: string, year: string, slug: string): string {
  return `/${stream}/${year}/${slug}/`;
}
