/**
 * A partner's response body as text, whatever it was sent as: byte-order marks, UTF-16
 * without one, the encoding an XML prolog declares (ISO-8859-1, windows-1252, …), the
 * charset of the Content-Type, and a content type that lies (feeds served as text/html
 * or application/octet-stream are common). The body's own first bytes decide what it is.
 * Encodings other than UTF-8 and UTF-16 are decoded by iconv-lite (the only importer),
 * under the names the WHATWG Encoding Standard gives them, as browsers do: ISO-8859-1 and
 * US-ASCII are read as windows-1252, whose curly quotes, dashes, € and ™ they really carry.
 */
import iconv from 'iconv-lite';
import { readHtml } from '../html.ts';

export type BodyKind = 'xml' | 'json' | 'html' | 'unknown';

export interface DecodedBody {
  readonly kind: BodyKind;
  readonly text: string;
  /** The encoding used, for reports. */
  readonly encoding: string;
  /** What could not be decoded as declared, and what was done instead. */
  readonly warnings: readonly string[];
}

/** Decodes `bytes`; `contentType` is the response's Content-Type header, if any. */
export function decodeBody(bytes: Uint8Array, contentType = ''): DecodedBody {
  const { label, from } = sniffEncoding(bytes, contentType);
  const warnings: string[] = [];
  let encoding = whatwgName(label) ?? (iconv.encodingExists(label) ? label : undefined);
  if (encoding === undefined) {
    warnings.push(`the ${from === 'default' ? 'feed' : from} names the encoding "${label}", which is unknown, so the feed was read as UTF-8`);
    encoding = 'utf-8';
  }
  let text: string;
  if (encoding === 'utf-8') {
    const utf8 = decodeUtf8(bytes);
    text = utf8.text;
    if (utf8.invalid > 0) {
      const claim = from === 'default' ? ', which a feed that declares no encoding must be' : `, though the ${from} says UTF-8`;
      warnings.push(`${utf8.invalid} ${utf8.invalid === 1 ? 'byte is' : 'bytes are'} not UTF-8 (the first at byte ${utf8.firstAt})${claim}, so ${utf8.invalid === 1 ? 'it was' : 'they were'} read as windows-1252`);
    }
  } else {
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  }
  text = text.replace(/^\uFEFF/, '');
  return { kind: kindOf(text), text, encoding, warnings };
}

/** A byte-order mark wins, then UTF-16's look without one, then an XML prolog's declaration, then the header's charset, then UTF-8. */
function sniffEncoding(bytes: Uint8Array, contentType: string): { label: string; from: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { label: 'utf-8', from: 'byte-order mark' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', from: 'byte-order mark' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', from: 'byte-order mark' };
  // "<?" in UTF-16 without a byte-order mark (XML 1.0, Appendix F).
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return { label: 'utf-16le', from: 'first bytes' };
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return { label: 'utf-16be', from: 'first bytes' };
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1]?.toLowerCase();
  // A prolog readable as ASCII is not UTF-16, whatever it says.
  if (declared) return { label: declared.startsWith('utf-16') ? 'utf-8' : declared, from: 'XML declaration' };
  const charset = /charset\s*=\s*"?([A-Za-z0-9._:-]+)/i.exec(contentType)?.[1];
  return charset ? { label: charset.toLowerCase(), from: 'Content-Type header' } : { label: 'utf-8', from: 'default' };
}

/** The WHATWG Encoding Standard's name for a label (`iso-8859-1` → `windows-1252`), as TextDecoder resolves it. */
function whatwgName(label: string): string | undefined {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/** Well-formed UTF-8 sequences (RFC 3629 §4), matched over the bytes as Latin-1 characters. */
const utf8Run = /(?:[\x00-\x7f]|[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2})+|([\s\S])/g;

/**
 * UTF-8, where a byte that is not part of a UTF-8 sequence is read as windows-1252: the
 * usual cause is a Latin-1 `é` in a feed that says UTF-8, and this keeps both the `é` and
 * every well-formed character around it, where a replacement character would lose it.
 */
function decodeUtf8(bytes: Uint8Array): { text: string; invalid: number; firstAt: number } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), invalid: 0, firstAt: -1 };
  } catch {
    let text = '';
    let invalid = 0;
    let firstAt = -1;
    for (const match of Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1').matchAll(utf8Run)) {
      const stray = match[1];
      if (stray === undefined) text += Buffer.from(match[0], 'latin1').toString('utf8');
      else {
        if (firstAt < 0) firstAt = match.index;
        invalid++;
        text += iconv.decode(Buffer.from(stray, 'latin1'), 'windows-1252');
      }
    }
    return { text, invalid, firstAt };
  }
}

/**
 * What the text is, by its first element: HTML when it has an HTML doctype or starts with
 * an `html`, `head` or `body` element (XHTML included, whatever its prefix), XML otherwise.
 */
function kindOf(text: string): BodyKind {
  const start = text.trimStart().slice(0, 2048);
  if (start.startsWith('{')) return 'json';
  if (!start.startsWith('<')) return 'unknown';
  if (/<!doctype\s+html/i.test(start)) return 'html';
  const root = /^(?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE\s[^[>]*(?:\[[\s\S]*?\]\s*)?>))*\s*<(?:[\w.-]+:)?([\w.-]+)/i.exec(start)?.[1]?.toLowerCase();
  return root === 'html' || root === 'head' || root === 'body' ? 'html' : 'xml';
}

/**
 * Removes the document type declaration before parsing. Feeds have no use for one, and
 * without it neither external entities (XXE) nor entity-expansion bombs exist to expand;
 * the parser, besides, never expands DTD entities (the tests prove both).
 */
export function withoutDoctype(xml: string): string {
  return xml.replace(/<!DOCTYPE\s[^[>]*(?:\[[\s\S]*?\]\s*)?>/i, '');
}

/** A feed's address advertised by an HTML page (`<link rel="alternate" type="application/rss+xml">`), for hints. */
export function advertisedFeed(html: string, pageUrl: string): string | undefined {
  let found: string | undefined;
  readHtml(html, {
    openTag(name, attributes) {
      const { rel = '', type = '', href } = attributes;
      if (found || name !== 'link' || !href || !/\balternate\b/i.test(rel) || !/^application\/(?:rss|atom|feed)\+(?:xml|json)$/i.test(type.trim())) return;
      try {
        found = new URL(href, pageUrl).href;
      } catch {
        found = undefined;
      }
    },
  });
  return found;
}
