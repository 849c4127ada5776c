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
  text = c1AsWindows1252(text.replace(/^\uFEFF/, ''));
  return { kind: kindOf(text), text, encoding, warnings };
}

/**
 * A byte-order mark wins, then how `<` looks in UTF-32 or UTF-16 without one (XML 1.0,
 * Appendix F), then an XML prolog's declaration, then the header's charset, then UTF-8.
 * UTF-32's marks come first: its little-endian mark starts with UTF-16's.
 */
function sniffEncoding(bytes: Uint8Array, contentType: string): { label: string; from: string } {
  const starts = (...marks: number[]) => marks.every((byte, index) => bytes[index] === byte);
  const marks: [number[], string][] = [[[0xef, 0xbb, 0xbf], 'utf-8'], [[0xff, 0xfe, 0, 0], 'utf-32le'], [[0, 0, 0xfe, 0xff], 'utf-32be'], [[0xff, 0xfe], 'utf-16le'], [[0xfe, 0xff], 'utf-16be']];
  for (const [mark, label] of marks) if (starts(...mark)) return { label, from: 'byte-order mark' };
  const unmarked: [number[], string][] = [[[0x3c, 0, 0, 0], 'utf-32le'], [[0, 0, 0, 0x3c], 'utf-32be'], [[0x3c, 0], 'utf-16le'], [[0, 0x3c], 'utf-16be']];
  for (const [look, label] of unmarked) if (starts(...look)) return { label, from: 'first bytes' };
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1]?.toLowerCase();
  // A prolog readable as ASCII is neither UTF-16 nor UTF-32, whatever it says.
  if (declared) return { label: /^(?:utf-?(?:16|32)|ucs-?[24])/.test(declared) ? 'utf-8' : declared, from: 'XML declaration' };
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

/** Root elements of feeds, by local name: RSS, Atom (a feed, or an entry on its own), RSS 1.0's RDF. */
const feedRoots = new Set(['rss', 'feed', 'entry', 'rdf']);

/**
 * What the text is, by its root element: HTML when that is `html`, `head` or `body`
 * (XHTML included, whatever its prefix), or when an HTML doctype stands before a root
 * that is no feed's; XML otherwise. The root decides, not the doctype: feeds written by
 * HTML tools carry XHTML doctypes before their `<rss>`.
 */
function kindOf(text: string): BodyKind {
  const start = text.trimStart();
  if (start.startsWith('{')) return 'json';
  if (!start.startsWith('<')) return 'unknown';
  const root = rootElement(start)?.localName;
  if (root === 'html' || root === 'head' || root === 'body') return 'html';
  return /^[^]{0,2048}?<!doctype\s+html/i.test(start) && !feedRoots.has(root ?? '') ? 'html' : 'xml';
}

/** A document's root element: its name as written, its local name lower-cased, and the namespace it declares for itself. */
export interface RootElement {
  readonly name: string;
  readonly localName: string;
  readonly namespace?: string;
}

/** The first element after the XML declaration, comments, processing instructions and the doctype, with its attributes. */
const firstElement = /^(?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE\s[^[>]*(?:\[[\s\S]*?\]\s*)?>))*\s*<((?:([\w.-]+):)?([\w.-]+))((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)/i;

/** The root element of an XML text, or undefined when it has none. */
export function rootElement(xml: string): RootElement | undefined {
  const match = firstElement.exec(xml);
  if (match === null) return undefined;
  const [, name = '', prefix = '', local = '', attributes = ''] = match;
  const declarations = [...attributes.matchAll(/\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g)];
  const own = declarations.find(([, declared = '']) => declared === prefix);
  const namespace = (own?.[2] ?? own?.[3])?.trim();
  return { name, localName: local.toLowerCase(), ...(namespace && { namespace }) };
}

/**
 * U+0080–U+009F read as the windows-1252 characters those bytes are (’ for U+0092), as
 * feedparser and browsers read them: they are curly quotes, dashes and € written by
 * software that took windows-1252 for Latin-1, never the control characters they name.
 * The five bytes windows-1252 leaves undefined stay as they are.
 */
export function c1AsWindows1252(text: string): string {
  return /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => windows1252[c.charCodeAt(0) - 0x80] ?? c) : text;
}

/** The same for character references (`&#146;`, `&#x92;`) in XML, which the XML reader would turn into those control characters. */
export function c1ReferencesAsWindows1252(xml: string): string {
  return xml.replace(/&#(?:x0*([89][0-9a-f])|0*(1[2-5][0-9]))(?=;)/gi, (reference, hex?: string, decimal?: string) => {
    const code = hex === undefined ? Number(decimal) : Number.parseInt(hex, 16);
    const mapped = code >= 0x80 && code <= 0x9f ? windows1252[code - 0x80] : undefined;
    return mapped === undefined || mapped.charCodeAt(0) === code ? reference : `&#${mapped.charCodeAt(0)}`;
  });
}

const windows1252 = [...iconv.decode(Buffer.from(Array.from({ length: 32 }, (_, i) => 0x80 + i)), 'windows-1252')].map((c, i) => (c === '\uFFFD' ? String.fromCharCode(0x80 + i) : c));

/**
 * Removes the document type declaration before parsing. Feeds have no use for one, and
 * without it neither external entities (XXE) nor entity-expansion bombs exist to expand;
 * the parser, besides, never expands DTD entities (the tests prove both). Only the prolog
 * holds one: `<!DOCTYPE` further on is text in a CDATA section. It becomes white space
 * line for line, so lines and columns in reports are still the partner's.
 */
export function withoutDoctype(xml: string): string {
  return xml.replace(/^((?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->))*\s*)(<!DOCTYPE\s[^[>]*(?:\[[\s\S]*?\]\s*)?>)/i, (_, prolog: string, doctype: string) => prolog + doctype.replace(/[^\r\n]/g, ' '));
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
