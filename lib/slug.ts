/**
 * One slug function for item file names, tags and streams, so that a tag's URL and
 * its case-insensitive identity always agree.
 */
import slugifyText from '@sindresorhus/slugify';

/** `Whole System Demonstrator & evidence` → `whole-system-demonstrator-and-evidence`; empty when nothing is left. */
export function slugify(text: string): string {
  return slugifyText(text, { decamelize: false });
}
