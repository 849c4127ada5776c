/**
 * The partner sources configuration, `content/sources.yaml`: a list of partner feeds.
 * The schema is the single source of the rules, and the `PartnerSource` type is derived
 * from it; every problem is reported with its line, like the content check.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { slugPattern } from '../config.ts';
import type { Problem } from '../problems.ts';
import { slugify } from '../slug.ts';
import { isHttpUrl } from '../urls.ts';
import { lineOfField, parseYaml } from '../yaml.ts';

const httpUrl = z.string().trim().refine(isHttpUrl, 'is not an absolute http(s) URL').transform((url) => new URL(url).href);
const text = z.string().trim().min(1, 'is empty');

/** One partner feed, as written in the configuration. */
export const sourceSchema = z.object({
  /** Shown to readers as the source of the item, e.g. "Northshire Telecare Partnership news". */
  name: text,
  /** The feed's URL: RSS, Atom or JSON Feed. */
  url: httpUrl,
  /** The stream its items join. */
  stream: text,
  /** The organisation the feed speaks for. */
  organisation: text,
  /** The partner's home page, credited beside each item. */
  homepage: httpUrl,
  /** How many of the newest items to keep in the store; all when absent. */
  keep: z.number().int('is not a whole number').min(1, 'must be at least 1').optional(),
  /** False stops fetching; items already stored are still published. */
  enabled: z.boolean().default(true),
  /**
   * Pins the source's store file and its items' ids; by default the slug of the name.
   * To rename a source, keep its id (write the old slug here).
   */
  id: z.string().trim().regex(slugPattern, 'must be lower-case letters and digits, words joined by single hyphens').optional(),
});

export type PartnerSource = z.output<typeof sourceSchema> & {
  /** The source's `id`, or the slug of its name: its store file and part of its items' ids. */
  readonly slug: string;
};

const knownFields = Object.keys(sourceSchema.shape);

/**
 * Reads and checks a sources file. A missing file means no partner sources, unless it
 * was asked for by name (`required`), when it is an error.
 */
export function readSourcesConfig(file: string, displayName: string, streams: readonly string[], options: { readonly required?: boolean } = {}): { sources: PartnerSource[]; problems: Problem[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    if (missing && !options.required) return { sources: [], problems: [] };
    return {
      sources: [],
      problems: [{ severity: 'error', file: displayName, field: 'sources', message: missing ? 'does not exist' : `cannot be read: ${(error as Error).message}`, hint: 'check the path of the sources file' }],
    };
  }
  return checkSourcesConfig(text, displayName, streams);
}

/** Checks the text of a sources file against the schema, collecting every problem. */
export function checkSourcesConfig(text: string, file: string, streams: readonly string[]): { sources: PartnerSource[]; problems: Problem[] } {
  const parsed = parseYaml(text, file, 'sources');
  if (parsed.data === undefined) return { sources: [], problems: parsed.problems };
  const data = parsed.data ?? [];
  const problems: Problem[] = [];
  const report = (severity: Problem['severity'], field: string, message: string, hint?: string) =>
    problems.push({ severity, file, line: lineOfField(parsed.lines, field), field, message, ...(hint && { hint }) });
  if (!Array.isArray(data)) {
    report('error', 'sources', 'the file is not a list of sources', 'write each source as a list item starting with "- name: ..."');
    return { sources: [], problems };
  }
  const sources: PartnerSource[] = [];
  const firstIndex = { store: new Map<string, number>(), name: new Map<string, number>(), url: new Map<string, number>() };
  data.forEach((entry: unknown, index) => {
    const fields = isRecord(entry) ? entry : {};
    for (const key of Object.keys(fields)) {
      if (!knownFields.includes(key)) report('warning', `${index}.${key}`, `"${key}" is not a field of a source and is ignored`, `the fields are: ${knownFields.join(', ')}`);
    }
    const result = sourceSchema.safeParse(entry, { reportInput: true });
    for (const issue of result.error?.issues ?? []) {
      const name = String(issue.path.at(-1) ?? '');
      const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
      if (issue.path.length === 0) {
        report('error', String(index), `must be a source with its fields (name:, url:, …), not ${JSON.stringify((issue as { input?: unknown }).input)}`, 'write each source as a list item starting with "- name: ..." and its other fields below it, indented');
      } else {
        report('error', [index, ...issue.path].join('.'), missing ? 'is missing' : describeIssue(issue), missing ? `add ${name}: to the source` : hintFor(name));
      }
    }
    if (typeof fields.stream === 'string' && fields.stream.trim() !== '' && !streams.includes(fields.stream.trim())) {
      report('error', `${index}.stream`, `"${fields.stream}" is not a configured stream`, `use one of: ${streams.join(', ')}`);
    }
    // The id (else the name) becomes the store file and part of the ids, so two sources may
    // not share one; nor may two share a feed, however its address is spelled.
    const pinned = typeof fields.id === 'string' && fields.id.trim() !== '';
    const storeKey = pinned ? (fields.id as string).trim() : typeof fields.name === 'string' ? slugify(fields.name) : '';
    const feedKey = typeof fields.url === 'string' && isHttpUrl(fields.url.trim()) ? new URL(fields.url.trim()).href : '';
    const nameKey = typeof fields.name === 'string' ? slugify(fields.name) : '';
    const duplicates = [
      { field: pinned ? 'id' : 'name', value: storeKey, seen: firstIndex.store, message: (n: number) => `gives the same store file (${storeKey}.json) as source ${n}`, hint: pinned ? 'give each source its own id' : 'give each source its own name' },
      // Readers tell sources apart by name, whatever their ids.
      { field: 'name', value: nameKey, seen: firstIndex.name, message: (n: number) => `is the same name as that of source ${n}`, hint: 'give each source its own name' },
      { field: 'url', value: feedKey, seen: firstIndex.url, message: (n: number) => `is the same feed as the url of source ${n}`, hint: 'list each feed once' },
    ];
    const reported = new Set<string>();
    for (const { field, value, seen, message, hint } of duplicates) {
      const earlier = value === '' ? undefined : seen.get(value);
      if (earlier === undefined) {
        if (value !== '') seen.set(value, index);
      } else if (!reported.has(field)) {
        reported.add(field);
        report('error', `${index}.${field}`, message(earlier + 1), hint);
      }
    }
    if (result.success) sources.push({ ...result.data, slug: result.data.id ?? slugify(result.data.name) });
  });
  return { sources: problems.some((p) => p.severity === 'error') ? [] : sources, problems };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const expected: Record<string, string> = { boolean: 'true or false', number: 'a number', int: 'a whole number', string: 'text', object: 'a list of fields' };
  if (issue.code === 'invalid_type') return `must be ${expected[issue.expected] ?? issue.expected}, not ${JSON.stringify((issue as { input?: unknown }).input)}`;
  return issue.message;
}

function hintFor(field: string): string {
  const hints: Record<string, string> = {
    url: 'write the feed\'s full address, e.g. https://www.example.org/news/feed.xml',
    homepage: 'write the partner\'s home page, e.g. https://www.example.org/',
    keep: 'write how many of the newest items to keep, e.g. keep: 50, or leave it out to keep all',
    enabled: 'write enabled: false to stop fetching, or leave it out',
    id: 'write the name of the source\'s store file, e.g. id: northshire-news, or leave it out to use the slug of the name',
  };
  return hints[field] ?? `write the ${field || 'value'} as text`;
}
