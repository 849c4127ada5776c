/**
 * The embed's copy of the site's slug rule (lib/slug.ts), small enough for the bundle:
 * a partner who writes `tag="Telehealth"` or `stream="Social care"` gets the feed at
 * /tags/telehealth/ or /social-care/, as tags compare case-insensitively. It agrees with
 * the site for ASCII and accented Latin letters (a test holds it to that); letters the
 * site transliterates further (ß, ø, ü as ue) are beyond it.
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
