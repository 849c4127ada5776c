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
