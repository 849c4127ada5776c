/**
 * A partner's response body as text, whatever it was sent as: byte-order marks, the
 * encoding an XML prolog declares (ISO-8859-1, windows-1252, …), the charset of the
 * Content-Type, and a content type that lies (feeds served as text/html or
 * application/octet-stream are common). The body's own first bytes decide what it is.
 */

import { readHtml } from '../html.ts';

export type BodyKind = 'xml' | 'json' | 'html' | 'unknown';

export interface DecodedBody {
  readonly kind: BodyKind;
  readonly text: string;
  /** The encoding used, for reports. */
  readonly encoding: string;
}

/** Decodes `bytes`; `contentType` is the response's Content-Type header, if any. */
export function decodeBody(bytes: Uint8Array, contentType = ''): DecodedBody {
  const encoding = sniffEncoding(bytes, contentType);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  const text = decoder.decode(bytes).replace(/^\uFEFF/, '');
  return { kind: kindOf(text), text, encoding: decoder.encoding };
}

/** A byte-order mark wins, then an XML prolog's declaration, then the header's charset, then UTF-8. */
function sniffEncoding(bytes: Uint8Array, contentType: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  if (declared) return declared.toLowerCase();
  const charset = /charset\s*=\s*"?([A-Za-z0-9._-]+)/i.exec(contentType)?.[1];
  return charset ? charset.toLowerCase() : 'utf-8';
}

function kindOf(text: string): BodyKind {
  const start = text.trimStart().slice(0, 512).toLowerCase();
  if (start.startsWith('{')) return 'json';
  if (/^<!doctype html|^<html[\s>]/.test(start) || (/^<!--/.test(start) && /<html[\s>]/.test(start))) return 'html';
  if (start.startsWith('<')) return 'xml';
  return 'unknown';
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
