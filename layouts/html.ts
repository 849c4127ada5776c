/**
 * Escaping by default for page templates: every interpolated value is text unless it
 * is already `SafeHtml` (made by `html` itself, or by `trusted` for HTML that the
 * library has sanitised).
 */
import { escapeHtmlText } from '../lib/text.ts';

/** HTML that is safe to insert as it is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

/** Tagged template: `html\`<p>${text}</p>\`` escapes `text`; lists are joined; null, undefined and false vanish. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** Marks HTML produced by the library's sanitiser (item bodies) as safe. */
export function trusted(sanitised: string): SafeHtml {
  return new SafeHtml(sanitised);
}

const markup = /[&<>"']/;

/** Text as HTML text or attribute value. Most values need nothing, and are returned as they are. */
export function escapeHtml(text: string): string {
  return markup.test(text) ? escapeHtmlText(text).replace(/'/g, '&#39;') : text;
}

function render(value: Interpolation): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * HTML with every character beyond Latin-1 as a numeric reference (`’` → `&#x2019;`):
 * the same document, but V8 keeps it as a one-byte string, half the memory of a
 * two-byte one. At tens of thousands of pages held until the build ends, that matters.
 * Only for HTML text and attribute values, never inside script or style elements.
 */
export function latin1Html(html: string): string {
  const referenced = html.replace(/[\ud800-\udbff][\udc00-\udfff]|[\u0100-\uffff]/g, (c) => `&#x${(c.codePointAt(0) ?? 0).toString(16)};`);
  // A string built from two-byte pieces stays two-byte even when every character fits
  // in one; a round trip through Latin-1 bytes gives V8 a one-byte string.
  return Buffer.from(referenced, 'latin1').toString('latin1');
}
