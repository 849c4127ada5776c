/**
 * One slug function for item file names, tags and streams, so that a tag's URL and
 * its case-insensitive identity always agree.
 */
import slugifyText from '@sindresorhus/slugify';
import { stableHash } from './ids.ts';

const known = new Map<string, string>();

/**
 * `Whole System Demonstrator & evidence` → `whole-system-demonstrator-and-evidence`.
 * Text in a script with no Latin transliteration (`健康`, `ਪੰਜਾਬੀ`) gets a stable slug of
 * its own, `u-` and a hash of its words lower-cased (`u-1b3e5c2a`), so it still has a
 * page; empty only when the text has no letters or digits at all.
 */
export function slugify(text: string): string {
  // Tags repeat across thousands of items; transliterating each spelling once is enough.
  let slug = known.get(text);
  if (slug === undefined) {
    slug = slugifyText(text, { decamelize: false }) || untransliteratedSlug(text);
    if (known.size < 100_000) known.set(text, slug);
  }
  return slug;
}

/** Like the transliterated slugs, it ignores case, punctuation and spacing: only the words count. */
function untransliteratedSlug(text: string): string {
  const words = text.normalize('NFC').toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu);
  return words === null ? '' : `u-${stableHash(words.join(' ')).toString(16).padStart(8, '0')}`;
}
