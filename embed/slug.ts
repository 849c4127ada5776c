/**
 * The embed's copy of the site's slug rule (lib/slug.ts), small enough for the bundle:
 * a partner who writes `tag="Telehealth"` or `stream="Social care"` gets the feed at
 * /tags/telehealth/ or /social-care/, as tags compare case-insensitively. It agrees with
 * the site for ASCII and accented Latin letters (a test holds it to that). Where the site
 * transliterates further (ß, ø, ü as ue) or gives a script with no transliteration a
 * slug of its own (`u-` and a hash), only the site's slug finds the feed: the snippet the
 * "Embed our news" page writes always carries it, and a name nothing can be made of
 * keeps the partner's fallback rather than showing another feed.
 */
export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
