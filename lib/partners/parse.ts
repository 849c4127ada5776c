/**
 * Partner feeds in every format they come in (RSS 0.9x, RSS 1.0/RDF, RSS 2.0, Atom 0.3
 * and 1.0, JSON Feed 1.0 and 1.1), read with feedsmith into one shape: the entries as
 * the partner wrote them, before any cleaning. The only module that imports feedsmith.
 */
import { detectJsonFeed, parseAtomFeed, parseFeed, parseRdfFeed, parseRssFeed } from 'feedsmith';
import { c1AsWindows1252, c1ReferencesAsWindows1252, decodeBody, rootElement, withoutDoctype, type DecodedBody } from './decode.ts';
import { toParsedFeed } from './fields.ts';
import { feedFormatOf, findXmlError, namespaceWarnings, needsRewrite, rewriteFeedXml, type XmlError, type XmlFeedFormat } from './xml.ts';

/**
 * Text as the feed typed it, entities of the XML already decoded once: plain text, or
 * HTML (Atom's `html` and `xhtml`, JSON Feed's `content_html`, RSS descriptions, and RSS
 * titles that look like HTML, as feedparser reads them).
 */
export interface PartnerText {
  readonly value: string;
  readonly type: 'text' | 'html';
}

/** One entry as the partner published it: text as given, HTML not yet sanitised, dates not yet read. */
export interface PartnerEntry {
  /** The partner's own id (guid, Atom id, JSON Feed id), when there is one. */
  readonly guid?: string;
  readonly title?: PartnerText;
  readonly link?: string;
  /** What to make the summary from. */
  readonly summary?: PartnerText;
  readonly published?: string;
  readonly updated?: string;
  readonly authors: readonly string[];
}

export interface ParsedFeed {
  readonly format: 'rss' | 'atom' | 'rdf' | 'json';
  readonly title?: string;
  /** The feed's home page, for resolving relative item links. */
  readonly link?: string;
  readonly entries: readonly PartnerEntry[];
}

export type FeedReading =
  | { readonly ok: true; readonly feed: ParsedFeed; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly kind: RefusalKind; readonly reason: string; readonly text: string };

/** Why a body was refused: an HTML page, not XML or JSON at all, XML or JSON but no feed, or a feed we could not read. */
export type RefusalKind = 'html' | 'malformed' | 'not-a-feed' | 'unreadable';

/** What feedsmith reads from a feed. */
export type Parsed = ReturnType<typeof parseFeed<string>>;
type Attempt = { readonly feed: Parsed } | { readonly error: Error };

/**
 * Reads a response body as a feed, saying plainly what it was when it is not one. A feed
 * with nothing in it yet is a feed: read, with no entries.
 */
export function readFeed(bytes: Uint8Array, contentType?: string): FeedReading {
  const body = decodeBody(bytes, contentType);
  if (body.kind === 'html') return refusal(body, 'html', 'is an HTML page, not a feed');
  if (body.kind === 'unknown') return refusal(body, 'malformed', body.text.trim() === '' ? 'is empty' : 'is neither XML nor JSON');
  return body.kind === 'json' ? readJsonFeed(body) : readXmlFeed(body);
}

function readJsonFeed(body: DecodedBody): FeedReading {
  let data: unknown;
  try {
    data = JSON.parse(body.text, (_, value: unknown) => (typeof value === 'string' ? c1AsWindows1252(value) : value));
  } catch (error) {
    return refusal(body, 'malformed', `is not JSON (${describeJsonError(body.text, error as Error)})`);
  }
  if (!detectJsonFeed(data)) return refusal(body, 'not-a-feed', 'is JSON but not a JSON Feed (its "version" names no https://jsonfeed.org/version/)');
  const attempt = attemptWith(() => parseFeed<string>(data));
  if ('error' in attempt && attempt.error.name !== 'ParseError') return refusal(body, 'unreadable', `is a JSON Feed we could not read (${attempt.error.message})`);
  return reading(body, 'json', attempt);
}

/**
 * The root element, not feedsmith's sniffing of the whole text, says which format a feed
 * is; a shape feedsmith refuses is rewritten first. When feedsmith still reads nothing,
 * the text is either not XML (said where), or well-formed with a feed's root and nothing
 * feedsmith could keep: a feed with nothing in it yet.
 */
function readXmlFeed(body: DecodedBody): FeedReading {
  const xml = c1ReferencesAsWindows1252(withoutDoctype(body.text));
  const root = rootElement(xml);
  const format = root && feedFormatOf(root);
  const error = () => findXmlError(xml);
  const notXml = ({ line, column, message }: XmlError) => refusal(body, 'malformed', `is not XML (line ${line}${column === undefined ? '' : `, column ${column}`}: ${message})`);
  if (root === undefined || format === undefined) {
    const found = error();
    if (found) return notXml(found);
    return refusal(body, 'not-a-feed', `is XML but not a feed (its root element is <${root?.name}>${root?.namespace ? ` in the namespace ${root.namespace}` : ''})`);
  }
  // Only well-formed XML is rewritten: a tree built from anything else is a guess.
  const attempt = attemptWith(() => parseAs(format, needsRewrite(xml, root) && error() === undefined ? rewriteFeedXml(xml) : xml));
  if ('feed' in attempt) return reading(body, format, attempt, namespaceWarnings(root, format));
  const found = error();
  if (found) return notXml(found);
  if (attempt.error.name === 'ParseError' || attempt.error.name === 'DetectError') return reading(body, format, attempt, namespaceWarnings(root, format));
  const cause = attempt.error.cause instanceof Error ? `: ${attempt.error.cause.message}` : '';
  return refusal(body, 'unreadable', `is a feed we could not read (${attempt.error.message}${cause})`);
}

function reading(body: DecodedBody, format: ParsedFeed['format'], attempt: Attempt, warnings: readonly string[] = []): FeedReading {
  return { ok: true, feed: 'feed' in attempt ? toParsedFeed(attempt.feed) : { format, entries: [] }, warnings: [...body.warnings, ...warnings] };
}

function refusal(body: DecodedBody, kind: RefusalKind, reason: string): FeedReading {
  return { ok: false, kind, reason, text: body.text };
}

function attemptWith(parse: () => Parsed): Attempt {
  try {
    return { feed: parse() };
  } catch (error) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
}

function parseAs(format: XmlFeedFormat, xml: string): Parsed {
  if (format === 'rss') return { format, feed: parseRssFeed<string>(xml) };
  if (format === 'atom') return { format, feed: parseAtomFeed<string>(xml) };
  return { format, feed: parseRdfFeed<string>(xml) };
}

/**
 * A JSON error in a sentence: `line 3, column 14: Expected ',' or '}' after property value`
 * where the error names a position, else without the excerpt V8 quotes (it spans lines).
 */
function describeJsonError(text: string, error: Error): string {
  const positioned = /^([\s\S]*?)(?: in JSON)? at position (\d+)/.exec(error.message);
  if (positioned === null) return /^(Unexpected token '[^']*')/.exec(error.message)?.[1] ?? error.message.replace(/\s+/g, ' ');
  const before = text.slice(0, Number(positioned[2]));
  return `line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')}: ${positioned[1]}`;
}
