/**
 * Escaping for the XML feeds. Every value goes through here, so whatever an item
 * holds, the document stays well-formed: forbidden characters are removed and
 * markup characters escaped. No CDATA, so `]]>` in content needs no special case.
 */
import { escapeHtmlText, removeUnwantedChars } from '../text.ts';

/** Text content of an element. */
export function xmlText(text: string): string {
  return astralAsReferences(htmlOfText(text));
}

/**
 * Characters beyond the Basic Multilingual Plane (emoji, mostly) as numeric references:
 * the same XML, but no four-byte UTF-8 sequences for a parser to split at a buffer
 * boundary (Xerces, inside the jing validator, does exactly that).
 */
function astralAsReferences(text: string): string {
  return text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, (pair) => `&#x${(pair.codePointAt(0) ?? 0).toString(16).toUpperCase()};`);
}

/** A double-quoted attribute value. */
export function xmlAttr(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;');
}

/** Plain text made into HTML text, for elements whose content is HTML (descriptions, Atom `type="html"`). */
export function htmlOfText(text: string): string {
  return removeUnwantedChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Plain text made into a double-quoted HTML attribute value. */
export function htmlAttrOfText(text: string): string {
  return escapeHtmlText(removeUnwantedChars(text));
}

/**
 * Plain text for an RSS `<title>`, which readers treat as HTML: HTML-escaped, with the
 * XML escapes written as hexadecimal references, as the RSS Advisory Board's profile
 * advises. `Health & <care>` reads back as itself in feed readers and raises no
 * "title contains HTML" warning in the W3C validator.
 */
export function rssTitleText(text: string): string {
  return astralAsReferences(htmlOfText(text).replace(/&/g, '&#x26;'));
}

/**
 * Plain text for RSS elements that are not HTML (categories, names): `&`, `<` and `>`
 * as hexadecimal references, which the RSS profile recommends and which tell the W3C
 * validator that the text is plain, not markup.
 */
export function rssPlainText(text: string): string {
  return astralAsReferences(removeUnwantedChars(text).replace(/&/g, '&#x26;').replace(/</g, '&#x3C;').replace(/>/g, '&#x3E;'));
}

type Attributes = Record<string, string | number | undefined>;

/** `<name attr="value">…</name>` (or `<name attr="value"/>` without content), with the attributes that have a value. */
export function element(name: string, attributes: Attributes, content?: string): string {
  const attrs = attributeText(attributes);
  return content === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>`;
}

/** `<name attr="value">` alone, for a document's root, whose entries are joined in later. */
export function startTag(name: string, attributes: Attributes): string {
  return `<${name}${attributeText(attributes)}>`;
}

function attributeText(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${xmlAttr(String(value))}"`)
    .join('');
}
