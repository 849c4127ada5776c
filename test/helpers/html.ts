/** Reading built pages as documents (htmlparser2), so tests ask for elements rather than match markup text. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';

export type HtmlDocument = ReturnType<typeof parseDocument>;
export type HtmlElement = ReturnType<typeof DomUtils.findAll>[number];
type HtmlNode = HtmlDocument | HtmlElement;

/** The file a site path is served from: `/about/` → `about/index.html`. */
export function fileOf(sitePath: string): string {
  return sitePath.endsWith('/') ? `${sitePath.slice(1)}index.html` : sitePath.slice(1);
}

/** The page at `sitePath` of the site built into `dir`, parsed. */
export function readPage(dir: string, sitePath: string): HtmlDocument {
  return parseDocument(readFileSync(path.join(dir, fileOf(sitePath)), 'utf8'));
}

/** Every element named `name` under `root` whose attributes have the values given, in document order. */
export function elements(root: HtmlNode, name: string, attributes: Record<string, string> = {}): HtmlElement[] {
  return DomUtils.findAll((e) => e.name === name && Object.entries(attributes).every(([key, value]) => e.attribs[key] === value), [root]);
}

/** The one element that matches, or an error naming what was looked for. */
export function element(root: HtmlNode, name: string, attributes: Record<string, string> = {}): HtmlElement {
  const found = elements(root, name, attributes);
  if (found.length !== 1) throw new Error(`expected one <${name}> with ${JSON.stringify(attributes)}, found ${found.length}`);
  return found[0] as HtmlElement;
}

/** An element's elements with a class among their classes. */
export function withClass(root: HtmlNode, className: string): HtmlElement[] {
  return DomUtils.findAll((e) => (e.attribs.class ?? '').split(/\s+/).includes(className), [root]);
}

/** Text content with white space collapsed, as a reader sees it. */
export function text(node: HtmlNode): string {
  return DomUtils.textContent(node).replace(/[ \t\n\r\f]+/g, ' ').replace(/^ | $/g, '');
}

/** What the head says about a page: the parts search engines, feed readers and social sites read. */
export interface PageHead {
  readonly title: string;
  readonly description: string | undefined;
  readonly canonical: string | undefined;
  readonly robots: string | undefined;
  readonly icon: string | undefined;
  /** `type title href` of each autodiscovery link. */
  readonly feeds: readonly string[];
  /** Every `og:` property. */
  readonly openGraph: Readonly<Record<string, string>>;
}

export function readHead(page: HtmlDocument): PageHead {
  const head = element(page, 'head');
  const meta = (name: string) => elements(head, 'meta', { name })[0]?.attribs.content;
  const openGraph = Object.fromEntries(
    elements(head, 'meta').flatMap((m) => (m.attribs.property?.startsWith('og:') ? [[m.attribs.property, m.attribs.content ?? '']] : [])),
  );
  return {
    title: text(element(head, 'title')),
    description: meta('description'),
    canonical: elements(head, 'link', { rel: 'canonical' })[0]?.attribs.href,
    robots: meta('robots'),
    icon: elements(head, 'link', { rel: 'icon' })[0]?.attribs.href,
    feeds: elements(head, 'link', { rel: 'alternate' }).map((l) => `${l.attribs.type} ${l.attribs.title} ${l.attribs.href}`),
    openGraph,
  };
}
