/**
 * Escaping by default for page templates: every interpolated value is text unless it
 * is already `SafeHtml` (made by `html` itself, or by `trusted` for HTML that the
 * library has sanitised).
 */
import { escapeHtmlText } from '../lib/index.ts';

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
