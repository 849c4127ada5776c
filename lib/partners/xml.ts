/**
 * Partner XML as an XML tree, with fast-xml-parser (the parser feedsmith itself reads
 * with; the only importer here): where a text is not well-formed, and the feed shapes
 * mature readers such as feedparser accept that feedsmith refuses, rewritten into the
 * shapes it reads. The tree is rewritten, never the text by patterns, and only for a feed
 * that needs it; feedsmith still reads every feed.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import type { RootElement } from './decode.ts';

/** Where a text stops being XML, 1-based, in the validator's words. */
export interface XmlError {
  readonly line: number;
  /** Unknown where the text ends before it should. */
  readonly column?: number;
  readonly message: string;
}

/**
 * RSS 2.0's namespaces, as feedparser matches them (case aside): any under
 * backend.userland.com/rss, and Harvard's. feedsmith knows RSS only without one.
 */
export function isRssNamespace(uri: string): boolean {
  return /^https?:\/\/(?:backend\.userland\.com\/rss|blogs\.law\.harvard\.edu\/tech\/rss)/i.test(uri.trim());
}

/** Atom 0.3's namespace: its content may be base64. */
export const atom03Namespace = 'http://purl.org/atom/ns#';

/** Atom's namespaces as feedparser knows them, lower-cased: 1.0, 0.3, and the drafts before them. */
export const atomNamespaces = ['http://www.w3.org/2005/atom', atom03Namespace, 'http://example.com/newformat#', 'http://example.com/necho', 'http://purl.org/echo/', 'uri/of/echo/namespace#', 'http://purl.org/pie/'];

/** Where `xml` is not well-formed, or undefined when it is. */
export function findXmlError(xml: string): XmlError | undefined {
  const result = XMLValidator.validate(xml);
  if (result === true) return undefined;
  const { line, col, msg } = result.err;
  return { line, ...(Number.isInteger(col) && { column: col }), message: msg.replace(/\.$/, '') };
}

export type XmlFeedFormat = 'rss' | 'atom' | 'rdf';

/**
 * A feed's format by its root element, as feedparser tells them apart: `<rss>` and Atom's
 * `<feed>` and `<entry>` whatever their namespace (feedparser reads them all; a namespace
 * that is not the format's is reported), RSS 1.0's `<rdf:RDF>` only in RDF's.
 */
export function feedFormatOf(root: RootElement): XmlFeedFormat | undefined {
  if (root.localName === 'rss') return 'rss';
  if (root.localName === 'feed' || root.localName === 'entry') return 'atom';
  if (root.localName === 'rdf' && root.namespace === 'http://www.w3.org/1999/02/22-rdf-syntax-ns#') return 'rdf';
  return undefined;
}

/** What to tell the partner when the root is in a namespace that is not its format's. */
export function namespaceWarnings(root: RootElement, format: XmlFeedFormat): string[] {
  const namespace = root.namespace?.toLowerCase();
  if (namespace === undefined || format === 'rdf') return [];
  const [known, name] = format === 'rss' ? [isRssNamespace(namespace), 'RSS'] : [atomNamespaces.includes(namespace), 'Atom'];
  return known ? [] : [`its root element <${root.name}> is in the namespace ${root.namespace}, which is not ${name}'s, so it was read as ${name} by its name`];
}

/** Whether the feed has a shape feedsmith refuses (see `rewriteFeedXml`): the tree is built only then. */
export function needsRewrite(xml: string, root: RootElement): boolean {
  if (root.localName === 'entry') return true;
  if (root.localName === 'rss') return root.name.includes(':') || !/<(?:[\w.-]+:)?channel[\s>/]/i.test(xml);
  return root.namespace === atom03Namespace && /\smode\s*=\s*["']\s*base64/i.test(xml);
}

type Attributes = Record<string, string>;
/** A node of fast-xml-parser's ordered tree: `{ name: children, ':@': attributes }`, `{ '#text': text }` or `{ '#cdata': [text] }`. */
type XmlNode = Record<string, unknown>;

const treeOptions = { preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@', processEntities: false, htmlEntities: false, cdataPropName: '#cdata', commentPropName: '#comment' } as const;
const parser = new XMLParser({ ...treeOptions, trimValues: false, parseTagValue: false, parseAttributeValue: false, allowBooleanAttributes: true, ignorePiTags: true });
const builder = new XMLBuilder({ ...treeOptions, suppressEmptyNode: false, suppressBooleanAttributes: false, format: false });

/**
 * The feed in the shapes feedsmith reads, read as feedparser reads it:
 * - RSS 2.0 elements in an RSS 2.0 namespace under a prefix (`<r:item>`) lose the prefix;
 * - items directly under `<rss>`, with no `<channel>`, are put in one;
 * - an Atom entry document (an `<entry>` root) becomes a feed of that one entry;
 * - Atom 0.3 content in `mode="base64"` is decoded.
 */
export function rewriteFeedXml(xml: string): string {
  const tree = parser.parse(xml) as XmlNode[];
  const rewritten = tree.map((node) => rewriteNode(node, new Map()));
  const rootIndex = rewritten.findIndex((node) => nameOf(node) !== undefined && !nameOf(node)?.startsWith('#'));
  const root = rewritten[rootIndex];
  if (root !== undefined) rewritten[rootIndex] = wrapRoot(root);
  return builder.build(rewritten) as string;
}

function rewriteNode(node: XmlNode, outer: ReadonlyMap<string, string>): XmlNode {
  const name = nameOf(node);
  if (name === undefined || name.startsWith('#')) return node;
  const attributes = (node[':@'] ?? {}) as Attributes;
  const scope = withDeclarations(outer, attributes);
  const [prefix, local] = name.includes(':') ? [name.slice(0, name.indexOf(':')), name.slice(name.indexOf(':') + 1)] : ['', name];
  const namespace = scope.get(prefix);
  const renamed = prefix !== '' && namespace !== undefined && isRssNamespace(namespace) ? local : name;
  let children = (node[name] as XmlNode[]).map((child) => rewriteNode(child, scope));
  let kept = attributes;
  // Atom 0.3, §3.1.2: base64 is one of the modes a content construct may be written in.
  if (namespace === atom03Namespace && attributes['@mode']?.trim().toLowerCase() === 'base64') {
    children = [{ '#text': escapeText(Buffer.from(textOf(children), 'base64').toString('utf8')) }];
    const { '@mode': _mode, ...rest } = attributes;
    kept = rest;
  }
  return { [renamed]: children, ...(Object.keys(kept).length > 0 && { ':@': kept }) };
}

/** An `<rss>` without a `<channel>` gets one around its children; an Atom `<entry>` root gets a `<feed>` around it. */
function wrapRoot(root: XmlNode): XmlNode {
  const name = nameOf(root) ?? '';
  const attributes = (root[':@'] ?? {}) as Attributes;
  const local = name.slice(name.indexOf(':') + 1);
  const children = root[name] as XmlNode[];
  if (local === 'rss' && !children.some((child) => nameOf(child) === 'channel')) {
    return { [name]: [{ channel: children }], ...(root[':@'] !== undefined && { ':@': attributes }) };
  }
  if (local === 'entry') {
    const declarations = Object.fromEntries(Object.entries(attributes).filter(([key]) => key === '@xmlns' || key.startsWith('@xmlns:')));
    return { [name.replace(/entry$/, 'feed')]: [root], ':@': declarations };
  }
  return root;
}

function withDeclarations(outer: ReadonlyMap<string, string>, attributes: Attributes): ReadonlyMap<string, string> {
  const declared = Object.entries(attributes).filter(([key]) => key === '@xmlns' || key.startsWith('@xmlns:'));
  if (declared.length === 0) return outer;
  const scope = new Map(outer);
  for (const [key, uri] of declared) scope.set(key === '@xmlns' ? '' : key.slice('@xmlns:'.length), uri.trim());
  return scope;
}

function nameOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@');
}

/** What the nodes say as text: text with its references decoded, CDATA sections as they are. */
function textOf(nodes: readonly XmlNode[]): string {
  return nodes.map((node) => {
    if (typeof node['#text'] === 'string') return decodeXmlText(node['#text']);
    return Array.isArray(node['#cdata']) ? (node['#cdata'] as XmlNode[]).map((part) => String(part['#text'] ?? '')).join('') : '';
  }).join('');
}

/** The five entities XML predefines and character references: what the text says, before it is escaped again. */
function decodeXmlText(text: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|amp|quot|apos));/gi, (reference, hex?: string, decimal?: string, name?: string) => {
    if (name !== undefined) return named[name] ?? reference;
    const code = hex === undefined ? Number(decimal) : Number.parseInt(hex, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : reference;
  });
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
