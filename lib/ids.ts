/**
 * Permanent item ids. The default is a `tag:` URI (RFC 4151) built from the id
 * authority, the publication day, the home stream and the file slug: nothing a
 * title edit touches, so an item keeps its id when it is retitled.
 */

/** `tag:3millionlives.co.uk,2013-03-22:pathfinder/worcester-business-case` */
export function defaultItemId(authority: string, calendarDay: string, stream: string, slug: string): string {
  return `tag:${authority},${calendarDay}:${stream}/${slug}`;
}

const absoluteUri = /^(?:tag:[^\s,]+,\d{4}(?:-\d{2}(?:-\d{2})?)?:\S+|urn:[a-z0-9][a-z0-9-]{0,31}:\S+|https?:\/\/[^\s/]+\S*)$/i;

/** True for the id forms every feed format and validator accepts: `tag:`, `urn:` and http(s) URIs. */
export function isPermanentId(id: string): boolean {
  return absoluteUri.test(id);
}

/** FNV-1a: a small, stable hash used to spread same-day timestamps (not for security). */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
