/**
 * Characters no published text should carry: those XML 1.0 forbids (C0 controls other
 * than tab and line breaks, lone surrogates, U+FFFE and U+FFFF), and those validators
 * flag as the marks of mis-decoded text (C1 controls, noncharacters, U+FFFD).
 * Removing them once, where text enters, keeps every page and feed well-formed.
 */
const unwanted =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFD\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/g;

/** `text` without the characters above; everything else (right-to-left marks, emoji) is kept. */
export function removeUnwantedChars(text: string): string {
  return text.replace(unwanted, '');
}

/** The unwanted characters in `text`, as `U+0001`-style names, for reports. */
export function listUnwantedChars(text: string): string[] {
  return [...new Set(text.match(unwanted) ?? [])].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** `text` at most `max` characters long, cut at a word boundary with an ellipsis when it was longer. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  const kept = space > max / 2 ? cut.slice(0, space) : cut;
  return `${kept.replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** Plain text as HTML text: the markup characters and quotes escaped. */
export function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
