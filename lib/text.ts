/**
 * Characters no published text should carry: those XML 1.0 forbids (C0 controls other
 * than tab and line breaks, lone surrogates, U+FFFE and U+FFFF), and those validators
 * flag as the marks of mis-decoded text (C1 controls, noncharacters, U+FFFD).
 * Removing them once, where text enters, keeps every page and feed well-formed.
 */
const unwanted =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFD\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/g;

/** Any code unit that might be unwanted: a cheap test that lets clean text skip the full expression. */
const suspicious = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFD-\uFFFF]/;

/** `text` without the characters above; everything else (right-to-left marks, emoji) is kept. */
export function removeUnwantedChars(text: string): string {
  return suspicious.test(text) ? text.replace(unwanted, '') : text;
}

/** The unwanted characters in `text`, as `U+0001`-style names, for reports. */
export function listUnwantedChars(text: string): string[] {
  return [...new Set(text.match(unwanted) ?? [])].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * Characters each of which is a grapheme cluster of its own, whatever stands next to
 * them (no combining marks, joiners, surrogates or CR): most Latin text, with its
 * typographic quotes, dashes and ellipses. Text made of them is cut without segmenting,
 * which costs far more.
 */
const singleClusters = /^[\t\n\u0020-\u02ff\u2010-\u2027\u2030-\u205e\u20ac]*$/;

/**
 * `text` at most `max` characters long, the ellipsis included, cut at a word boundary
 * when it was longer. A character is what a reader sees as one (a grapheme cluster), so
 * a cut never splits an emoji, a flag or a letter from its accent.
 */
export function cutAtWord(text: string, max: number): string {
  // A cluster is at least one UTF-16 unit, so text this short has at most `max` of them.
  if (text.length <= max) return text;
  const head = text.slice(0, max + 1);
  const clusters = singleClusters.test(head) ? [...head] : firstClusters(text, max + 1);
  if (clusters.length <= max) return text;
  // One character is kept for the ellipsis; a word that ends where the cut falls is kept whole.
  const room = max - 1;
  const space = /\s/.test(clusters[room] ?? '') ? room : clusters.slice(0, room).findLastIndex((c) => /\s/.test(c));
  const kept = clusters.slice(0, space > room / 2 ? space : room).join('');
  return `${kept.replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** The first `count` grapheme clusters of `text` (fewer when it has fewer). */
function firstClusters(text: string, count: number): string[] {
  const clusters: string[] = [];
  for (const { segment } of graphemes.segment(text)) {
    if (clusters.length === count) break;
    clusters.push(segment);
  }
  return clusters;
}

/** Plain text as HTML text: the markup characters and quotes escaped. */
export function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** White space runs as one space, none at the ends. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `3 items`, `1 item`: a count and its noun, for reports. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
