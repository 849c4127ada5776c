/**
 * The Markdown source: `content/<stream>/**\/*.md`, front matter in YAML between two
 * `---` lines. The only module that imports gray-matter. YAML scalars are read as the
 * text written, so dates stay as written (gray-matter's default turns an unquoted
 * `2013-03-22T10:30` into a UTC Date, losing the Europe/London rule) and a title such as
 * `1.10` is not turned into the number 1.1; every field keeps its line for the report.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { localFiles, type LocalFiles } from './files.ts';
import type { Problem } from '../problems.ts';
import { parseYaml, type FieldLines } from '../yaml.ts';
import { listUnwantedChars, removeUnwantedChars } from '../text.ts';
import { checkFrontMatter, type FrontMatter } from './front-matter.ts';
import type { MarkdownSourceOptions } from './listing.ts';


/** One Markdown file whose front matter passed the checks, not yet rendered. */
export interface MarkdownFile {
  /** Project-relative path with forward slashes. */
  readonly file: string;
  /** The folder it sits in under `content/`: its home stream. */
  readonly stream: string;
  /** The file name without `.md`. */
  readonly name: string;
  readonly fields: FrontMatter;
  /** The Markdown body. */
  readonly body: string;
  /** The line the body's text starts on (or would: the line after the front matter). */
  readonly bodyLine: number;
  /** 1-based line of each dotted field path. */
  readonly lines: FieldLines;
}

/** Where the Markdown files are and what their checks need: made once, used for every file. */
export interface MarkdownReader {
  readonly options: MarkdownSourceOptions;
  readonly streams: readonly string[];
  readonly localFiles: LocalFiles;
}

export function createMarkdownReader(options: MarkdownSourceOptions): MarkdownReader {
  const contentRoot = path.resolve(options.rootDir, options.contentDir);
  return { options, streams: options.config.streams.map((s) => s.slug), localFiles: localFiles(path.join(contentRoot, options.config.files.dir)) };
}

/** The body `npm run new` writes: never to be published. */
export const placeholderBody = 'Write the first paragraph here: it becomes the summary unless you add a summary field.';

/** Reads and checks one file (a path relative to the content folder); a file with errors is reported, never silently left out. */
export function readMarkdownFile(relative: string, reader: MarkdownReader): { file?: MarkdownFile; problems: Problem[] } {
  const { rootDir, contentDir, config, now } = reader.options;
  const streams = reader.streams;
  const file = toPosix(path.join(contentDir, relative));
  const [stream, ...rest] = toPosix(relative).split('/');
  if (rest.length === 0 || stream === undefined) {
    return { problems: [{ severity: 'error', file, line: 1, field: 'stream', message: 'the file is not in a stream folder', hint: `move it to ${contentDir}/<stream>/, one of: ${streams.join(', ')}` }] };
  }
  if (!streams.includes(stream)) {
    return { problems: [{ severity: 'error', file, line: 1, field: 'stream', message: `the folder "${stream}" is not a configured stream`, hint: `move the file into one of: ${streams.join(', ')}; or add the stream to the configuration` }] };
  }
  const bytes = readFileSync(path.resolve(rootDir, file));
  let raw: string;
  try {
    raw = utf8.decode(bytes);
  } catch {
    return { problems: [notUtf8(file, bytes)] };
  }
  const problems: Problem[] = [];
  const text = removeUnwantedChars(raw);
  if (text.length !== raw.length) {
    problems.push({ severity: 'warning', file, line: 1, field: 'characters', message: `the file contains characters that cannot be published (${listUnwantedChars(raw).join(', ')}); they are left out`, hint: 'delete them from the file; they are often pasted in with text from elsewhere' });
  }
  const parsed = parseMarkdownFile(text, file);
  problems.push(...parsed.problems);
  if (parsed.data === undefined) return { problems };
  const checked = checkFrontMatter(parsed.data, {
    file, lines: parsed.lines, streams, now,
    timeZone: config.site.timeZone, language: config.site.language,
    futureAllowanceHours: config.futureAllowanceHours,
    filesUrlPath: config.files.urlPath, filesDir: toPosix(path.join(contentDir, config.files.dir)), fileSize: reader.localFiles.size,
  });
  problems.push(...checked.problems);
  if (parsed.body.includes(placeholderBody)) {
    // A draft being written may still hold it; published, it would be the item's text and summary.
    const draft = checked.fields?.draft === true;
    problems.push({
      severity: draft ? 'warning' : 'error', file, line: parsed.bodyLine, field: 'body',
      message: `still holds the placeholder npm run new writes ("${placeholderBody}")`,
      hint: draft ? 'write the item in its place before you remove draft: true' : 'write the item in its place, or mark it draft: true until it is written',
    });
  }
  if (!checked.fields || problems.some((p) => p.severity === 'error')) return { problems };
  return { file: { file, stream, name: path.basename(file).replace(/\.md$/i, ''), fields: checked.fields, body: parsed.body, bodyLine: parsed.bodyLine, lines: parsed.lines }, problems };
}

/** Strict UTF-8: bytes it does not allow are an error, never characters quietly replaced. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The report for a file that is not UTF-8, at the first line that is not. */
function notUtf8(file: string, bytes: Uint8Array): Problem {
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end === -1 ? bytes.length : end;
    try {
      utf8.decode(bytes.subarray(start, stop));
    } catch {
      break;
    }
    start = stop + 1;
  }
  return {
    severity: 'error', file, line, field: 'encoding',
    message: `the file is not UTF-8 text: line ${line} has bytes UTF-8 does not allow (the file was probably saved as Latin-1 or Windows-1252)`,
    hint: 'save the file as UTF-8: most editors offer it under "Save with Encoding"',
  };
}

interface ParsedFile {
  readonly data?: unknown;
  readonly lines: FieldLines;
  readonly body: string;
  readonly bodyLine: number;
  readonly problems: Problem[];
}

/** Splits one file into front matter and body, with each field's line. */
export function parseMarkdownFile(text: string, file: string): ParsedFile {
  const source = text.replace(/^\uFEFF/, '');
  if (!/^---\r?\n/.test(source)) {
    return {
      lines: new Map(), body: source, bodyLine: 1,
      problems: [{ severity: 'error', file, line: 1, field: 'front matter', message: 'the file does not start with front matter', hint: 'begin the file with a line "---", the fields (title, date, ...), then another "---"' }],
    };
  }
  // gray-matter reads an unclosed block as front matter to the end of the file; say so instead.
  const close = source.indexOf('\n---', 3);
  if (close === -1) {
    return {
      lines: new Map(), body: '', bodyLine: 1,
      problems: [{ severity: 'error', file, line: 1, field: 'front matter', message: 'the front matter is not closed', hint: 'end the fields with a line "---", then write the body below it' }],
    };
  }
  // gray-matter reads the front matter block; the YAML is handed back unparsed, for our
  // reading of it and the line numbers. It is given the block alone: it copies and hashes
  // all the text it is given, and the body is most of a file. Passing options also keeps it
  // from caching every file's text for the life of the process.
  let frontMatter: string | undefined;
  matter(source.slice(0, close + 4), {
    engines: {
      yaml: (text: string) => {
        frontMatter = text;
        return {};
      },
    },
  });
  // The body starts after the closing "---", past the end of that line, as gray-matter has it.
  const content = source.slice(close + 4).replace(/^\r?\n?/, '');
  const bodyLine = firstBodyLine(source, content);
  if (frontMatter === undefined) return { data: {}, lines: new Map([['', 1]]), body: content, bodyLine, problems: [] };
  // gray-matter's front matter text keeps the line break that ends the opening "---",
  // so line N of the YAML is line N of the file.
  const parsed = parseYaml(frontMatter, file, 'front matter', { scalars: 'text' });
  return { ...(parsed.data !== undefined && { data: parsed.data }), lines: parsed.lines, body: content, bodyLine, problems: parsed.problems };
}

/** The line of `source` where the text of `body` (its end) starts, past blank lines. */
function firstBodyLine(source: string, body: string): number {
  const text = body.search(/\S/);
  const end = source.length - body.length + (text === -1 ? 0 : text);
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < end; i = source.indexOf('\n', i + 1)) line++;
  return line;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
