/**
 * YAML as the project reads it: every field's line for reports, and every syntax error
 * with its line. js-yaml reads the values (it is several times faster, which counts at
 * tens of thousands of files); the yaml package, which keeps positions, is asked only
 * when something needs a line: a syntax error, or a problem to report.
 * The only module that imports either.
 */
import { CORE_SCHEMA, FAILSAFE_SCHEMA, load, Type, type YAMLException } from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Problem } from './problems.ts';

/**
 * How scalars are read. `text`: every scalar is the text as written (`1.10`, `007`,
 * `0x1F`, `2013-03-22T10:30` stay text) but for a plain `~`, `null` or nothing, which is
 * null; the reader of the fields decides what a value means. `typed`: the YAML 1.2 core
 * schema, with numbers and booleans (but no timestamps).
 */
export type YamlScalars = 'text' | 'typed';

/** YAML 1.2's null, which js-yaml only tries on plain scalars: a quoted "null" stays text. */
const nullType = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: string | null) => data === null || /^(?:~|null|Null|NULL)?$/.test(data),
  construct: () => null,
});

const schemas = { text: FAILSAFE_SCHEMA.extend({ implicit: [nullType] }), typed: CORE_SCHEMA } as const;

/** The 1-based line of each dotted path (`attachments.0.url`); `''` is the first line. */
export interface FieldLines {
  get(path: string): number | undefined;
}

export interface ParsedYaml {
  /** The value, when the text parsed. */
  readonly data?: unknown;
  readonly lines: FieldLines;
  readonly problems: Problem[];
}

export interface YamlOptions {
  /** Default `typed`. */
  readonly scalars?: YamlScalars;
  /** The file line the text starts on. Default 1. */
  readonly firstLine?: number;
}

/** Parses `text`; problems name `file` and `field` (e.g. `front matter`). */
export function parseYaml(text: string, file: string, field: string, options: YamlOptions = {}): ParsedYaml {
  const firstLine = options.firstLine ?? 1;
  try {
    const data = load(text, { schema: schemas[options.scalars ?? 'typed'], json: false });
    let lines: Map<string, number> | undefined;
    const get = (path: string) => (isTopLevel(path) ? topLevelLine(text, path, firstLine) : (lines ??= linesOf(text, firstLine)).get(path));
    return { data, problems: [], lines: { get } };
  } catch (error) {
    return { lines: new Map(), problems: syntaxProblems(text, error as YAMLException, file, field, firstLine) };
  }
}

/**
 * The syntax errors of text js-yaml could not read. The yaml package says where each is,
 * in terms an editor can use; one mistake can give it two errors on one line, which are
 * reported once. Where it finds nothing wrong, js-yaml's own error is the report.
 */
function syntaxProblems(text: string, thrown: YAMLException, file: string, field: string, firstLine: number): Problem[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { schema: 'core', lineCounter, prettyErrors: true });
  const found = document.errors.map((error) => ({ line: error.linePos?.[0].line ?? 1, reason: error.message.split(/ at line \d+/)[0] ?? error.message }));
  if (found.length === 0) found.push({ line: (thrown.mark?.line ?? 0) + 1, reason: thrown.reason });
  const seen = new Set<string>();
  return found.flatMap(({ line, reason }): Problem[] => {
    const key = `${line} ${reason}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{
      severity: 'error', file, line: line + firstLine - 1, field,
      message: `the YAML is malformed: ${reason}`,
      hint: 'check indentation, colons and quotes on that line; quote text that contains ": " or starts with a special character',
    }];
  });
}

/** A key of a top-level map (not a list position, not a nested field). */
function isTopLevel(path: string): boolean {
  return !path.includes('.') && !/^\d+$/.test(path);
}

/** The line of a top-level key, found by its text alone (it starts a line), so most lookups need no second parse. */
function topLevelLine(text: string, path: string, firstLine: number): number | undefined {
  if (path === '') return firstLine;
  const match = new RegExp(`^${path.replace(/[^A-Za-z0-9_-]/g, '\\$&')}[ \\t]*:`, 'm').exec(text);
  if (match === null) return undefined;
  let line = firstLine;
  for (let i = text.indexOf('\n'); i !== -1 && i < match.index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function linesOf(text: string, firstLine: number): Map<string, number> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { schema: 'core', lineCounter });
  const lines = new Map<string, number>([['', firstLine]]);
  collectLines(document.contents, '', lines, (offset) => lineCounter.linePos(offset).line + firstLine - 1);
  return lines;
}

function collectLines(node: Node | null, prefix: string, lines: Map<string, number>, lineAt: (offset: number) => number): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = `${prefix}${String(pair.key.value)}`;
      if (pair.key.range) lines.set(key, lineAt(pair.key.range[0]));
      collectLines(pair.value as Node | null, `${key}.`, lines, lineAt);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const key = `${prefix}${index}`;
      const range = (item as Node | null)?.range;
      if (range) lines.set(key, lineAt(range[0]));
      collectLines(item as Node | null, `${key}.`, lines, lineAt);
    });
  }
}

/** The line of a dotted field, or of its nearest parent that has one. */
export function lineOfField(lines: FieldLines, field: string): number | undefined {
  for (let path = field; ; path = path.slice(0, path.lastIndexOf('.'))) {
    const line = lines.get(path);
    if (line !== undefined) return line;
    if (!path.includes('.')) return lines.get('');
  }
}
