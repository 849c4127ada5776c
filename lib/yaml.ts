/**
 * YAML as the project reads it: the core schema (so `2013-03-22T10:30` stays the text
 * the editor wrote, not a UTC Date), every field's line for reports, and every syntax
 * error with its line. The only module that imports the yaml package.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Problem } from './problems.ts';

export interface ParsedYaml {
  /** The value, when the text parsed. */
  readonly data?: unknown;
  /** 1-based line of each dotted path (`attachments.0.url`); `''` is the first line. */
  readonly lines: ReadonlyMap<string, number>;
  readonly problems: Problem[];
}

/**
 * Parses `text`; `firstLine` is the file line the text starts on, and problems name
 * `file` and `field` (e.g. `front matter`).
 */
export function parseYaml(text: string, file: string, field: string, firstLine = 1): ParsedYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { schema: 'core', lineCounter, prettyErrors: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const problems = document.errors.map((error): Problem => ({
    severity: 'error', file, line: (error.linePos?.[0].line ?? 1) + firstLine - 1, field,
    message: `the YAML is malformed: ${error.message.split(/ at line \d+/)[0]}`,
    hint: 'check indentation, colons and quotes on that line; quote text that contains ": " or starts with a special character',
  }));
  if (problems.length > 0) return { lines: new Map(), problems };
  const lines = new Map<string, number>([['', firstLine]]);
  collectLines(document.contents, '', lines, lineAt);
  return { data: document.toJS(), lines, problems };
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
export function lineOfField(lines: ReadonlyMap<string, number>, field: string): number | undefined {
  for (let path = field; ; path = path.slice(0, path.lastIndexOf('.'))) {
    const line = lines.get(path);
    if (line !== undefined) return line;
    if (!path.includes('.')) return lines.get('');
  }
}
