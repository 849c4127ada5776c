/**
 * One slug function for item file names, tags and streams, so that a tag's URL and
 * its case-insensitive identity always agree.
 */
import slugifyText from '@sindresorhus/slugify';

const known = new Map<string, string>();

/** `Whole System Demonstrator & evidence` → `whole-system-demonstrator-and-evidence`; empty when nothing is left. */
export function slugify(text: string): string {
  // Tags repeat across thousands of items; transliterating each spelling once is enough.
  let slug = known.get(text);
  if (slug === undefined) {
    slug = slugifyText(text, { decamelize: false });
    if (known.size < 100_000) known.set(text, slug);
  }
  return slug;
}
