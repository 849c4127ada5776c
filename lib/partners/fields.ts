/**
 * The fields of a feedsmith entry as `PartnerEntry` fields: present only when they hold
 * something, and text typed as its format types it.
 */
import { looksLikeHtml } from '../html-text.ts';
import type { PartnerText } from './parse.ts';

/** `{ [key]: value }` when there is a value, so absent fields stay absent. */
export function optional<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return typeof value === 'string' && value.trim() !== '' ? ({ [key]: value } as { [P in K]: string }) : {};
}

export function typed<K extends string>(key: K, value: unknown, type: PartnerText['type']): { [P in K]?: PartnerText } {
  return typeof value === 'string' && value.trim() !== '' ? ({ [key]: { value, type } } as { [P in K]: PartnerText }) : {};
}

/** RSS titles are plain text by the spec and often escaped HTML in practice: feedparser's test tells them apart. */
export function titleOf(title: string | undefined): { title?: PartnerText } {
  return typed('title', title, title !== undefined && looksLikeHtml(title) ? 'html' : 'text');
}

/** An Atom text construct by its type (RFC 4287 §3.1; Atom 0.3's media types too). Absent means text. */
export function atomText<K extends string>(key: K, text: { value?: string; type?: string } | undefined): { [P in K]?: PartnerText } {
  const type = (text?.type ?? 'text').trim().toLowerCase();
  if (['html', 'xhtml', 'text/html', 'application/xhtml+xml'].includes(type)) return typed(key, text?.value, 'html');
  if (['text', 'text/plain'].includes(type)) return typed(key, text?.value, 'text');
  return {};
}

export function httpOrUndefined(value: string | undefined): string | undefined {
  return value !== undefined && /^https?:\/\//i.test(value.trim()) ? value : undefined;
}
