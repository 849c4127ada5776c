/**
 * The Markdown source: `content/<stream>/**\/*.md`, front matter in YAML between two
 * `---` lines. The only module that imports gray-matter. YAML scalars are read as the
 * text written, so dates stay as written (gray-matter's default turns an unquoted
 * `2013-03-22T10:30` into a UTC Date, losing the Europe/London rule) and a title such as
 * `1.10` is not turned into the number 1.1; every field keeps its line for the report.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import type { NewsConfig } from '../config.ts';
import { localFiles, type LocalFiles } from '../files.ts';
import type { Problem } from '../problems.ts';
import { parseYaml, type FieldLines } from '../yaml.ts';
import { listUnwantedChars, removeUnwantedChars } from '../text.ts';
import { checkFrontMatter, type FrontMatter } from './front-matter.ts';

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
  /** 1-based line of each dotted field path. */
  readonly lines: FieldLines;
}

export interface MarkdownSourceOptions {
  /** The project root; reported paths are relative to it. */
  readonly rootDir: string;
  /** The content folder, relative to the root. */
  readonly contentDir: string;
  readonly config: NewsConfig;
  readonly now: Date;
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

/**
 * Every `.md` file under the content folder (paths relative to it, sorted), the static
 * files folder skipped; a missing content folder is a problem, not a crash.
 */
export function listMarkdownFiles(options: MarkdownSourceOptions): { files: string[]; problems: Problem[] } {
  const contentRoot = path.resolve(options.rootDir, options.contentDir);
  if (!existsSync(contentRoot)) {
    return { files: [], problems: [{ severity: 'error', file: options.contentDir, field: 'content', message: 'the content folder does not exist', hint: `create ${options.contentDir}/<stream>/ folders with Markdown files, or name the right folder` }] };
  }
  const skip = path.join(contentRoot, options.config.files.dir);
  const entries = readdirSync(contentRoot, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((full) => !full.startsWith(skip + path.sep))
    .map((full) => path.relative(contentRoot, full))
    .sort();
  return { files, problems: [] };
}

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
  const problems: Problem[] = [];
  const raw = readFileSync(path.resolve(rootDir, file), 'utf8');
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
  if (!checked.fields) return { problems };
  return { file: { file, stream, name: path.basename(file, '.md'), fields: checked.fields, body: parsed.body, lines: parsed.lines }, problems };
}

/** Reads and checks every Markdown file, all at once (small sites, and tools). */
export function readMarkdownSource(options: MarkdownSourceOptions): { files: MarkdownFile[]; problems: Problem[] } {
  const listed = listMarkdownFiles(options);
  const reader = createMarkdownReader(options);
  const files: MarkdownFile[] = [];
  const problems = [...listed.problems];
  for (const relative of listed.files) {
    const result = readMarkdownFile(relative, reader);
    problems.push(...result.problems);
    if (result.file) files.push(result.file);
  }
  return { files, problems };
}

interface ParsedFile {
  readonly data?: unknown;
  readonly lines: FieldLines;
  readonly body: string;
  readonly problems: Problem[];
}

/** Splits one file into front matter and body, with each field's line. */
export function parseMarkdownFile(text: string, file: string): ParsedFile {
  const source = text.replace(/^\uFEFF/, '');
  if (!/^---\r?\n/.test(source)) {
    return {
      lines: new Map(), body: source,
      problems: [{ severity: 'error', file, line: 1, field: 'front matter', message: 'the file does not start with front matter', hint: 'begin the file with a line "---", the fields (title, date, ...), then another "---"' }],
    };
  }
  // gray-matter reads an unclosed block as front matter to the end of the file; say so instead.
  if (source.indexOf('\n---', 3) === -1) {
    return {
      lines: new Map(), body: '',
      problems: [{ severity: 'error', file, line: 1, field: 'front matter', message: 'the front matter is not closed', hint: 'end the fields with a line "---", then write the body below it' }],
    };
  }
  // gray-matter splits the file; the YAML is handed back unparsed, for our reading of it
  // and the line numbers. Passing options also keeps gray-matter from caching every file's text
  // for the life of the process.
  let frontMatter: string | undefined;
  const { content } = matter(source, {
    engines: {
      yaml: (text: string) => {
        frontMatter = text;
        return {};
      },
    },
  });
  if (frontMatter === undefined) return { data: {}, lines: new Map([['', 1]]), body: content, problems: [] };
  // gray-matter's front matter text keeps the line break that ends the opening "---",
  // so line N of the YAML is line N of the file.
  const parsed = parseYaml(frontMatter, file, 'front matter', { scalars: 'text' });
  return { ...(parsed.data !== undefined && { data: parsed.data }), lines: parsed.lines, body: content, problems: parsed.problems };
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
