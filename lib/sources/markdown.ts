/**
 * The Markdown source: `content/<stream>/**\/*.md`, front matter in YAML.
 * The only module that imports gray-matter. YAML is parsed with the `yaml` package's
 * core schema so dates stay as written (gray-matter's default turns an unquoted
 * `2013-03-22T10:30` into a UTC Date, losing the Europe/London rule) and every field
 * keeps its line number for the report.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import type { NewsConfig } from '../config.ts';
import { localFiles, type LocalFiles } from '../files.ts';
import type { Problem } from '../problems.ts';
import { parseYaml } from '../yaml.ts';
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
  readonly lines: ReadonlyMap<string, number>;
}

export interface MarkdownSourceOptions {
  /** The project root; reported paths are relative to it. */
  readonly rootDir: string;
  /** The content folder, relative to the root. */
  readonly contentDir: string;
  readonly config: NewsConfig;
  readonly now: Date;
}

/** Reads and checks every Markdown file; a file with errors is reported, never silently left out. */
export function readMarkdownSource(options: MarkdownSourceOptions): { files: MarkdownFile[]; problems: Problem[]; localFiles: LocalFiles } {
  const { rootDir, contentDir, config } = options;
  const streams = config.streams.map((s) => s.slug);
  const contentRoot = path.resolve(rootDir, contentDir);
  const filesDir = path.join(contentRoot, config.files.dir);
  const problems: Problem[] = [];
  const markdownFiles: MarkdownFile[] = [];
  const files = localFiles(filesDir);

  if (!existsSync(contentRoot)) {
    problems.push({ severity: 'error', file: contentDir, field: 'content', message: 'the content folder does not exist', hint: `create ${contentDir}/<stream>/ folders with Markdown files, or name the right folder` });
    return { files: markdownFiles, problems, localFiles: files };
  }
  for (const relative of listMarkdown(contentRoot, filesDir)) {
    const file = toPosix(path.join(contentDir, relative));
    const [stream, ...rest] = toPosix(relative).split('/');
    if (rest.length === 0 || stream === undefined) {
      problems.push({ severity: 'error', file, line: 1, field: 'stream', message: 'the file is not in a stream folder', hint: `move it to ${contentDir}/<stream>/, one of: ${streams.join(', ')}` });
      continue;
    }
    if (!streams.includes(stream)) {
      problems.push({ severity: 'error', file, line: 1, field: 'stream', message: `the folder "${stream}" is not a configured stream`, hint: `move the file into one of: ${streams.join(', ')}; or add the stream to the configuration` });
      continue;
    }
    const raw = readFileSync(path.join(rootDir, file), 'utf8');
    const text = removeUnwantedChars(raw);
    if (text.length !== raw.length) {
      problems.push({ severity: 'warning', file, line: 1, field: 'characters', message: `the file contains characters that cannot be published (${listUnwantedChars(raw).join(', ')}); they are left out`, hint: 'delete them from the file; they are often pasted in with text from elsewhere' });
    }
    const parsed = parseMarkdownFile(text, file);
    problems.push(...parsed.problems);
    if (parsed.data === undefined) continue;
    const checked = checkFrontMatter(parsed.data, {
      file, lines: parsed.lines, streams, now: options.now,
      timeZone: config.site.timeZone, language: config.site.language,
      futureAllowanceHours: config.futureAllowanceHours,
      filesUrlPath: config.files.urlPath, filesDir: toPosix(path.join(contentDir, config.files.dir)), fileSize: files.size,
    });
    problems.push(...checked.problems);
    if (checked.fields) markdownFiles.push({ file, stream, name: path.basename(file, '.md'), fields: checked.fields, body: parsed.body, lines: parsed.lines });
  }
  return { files: markdownFiles, problems, localFiles: files };
}

interface ParsedFile {
  readonly data?: unknown;
  readonly lines: ReadonlyMap<string, number>;
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
  // Passing options also keeps gray-matter from caching every file's text for the life of the process.
  let frontMatter: string | undefined;
  const { content } = matter(source, {
    engines: {
      yaml: (text: string) => {
        frontMatter = text;
        return {};
      },
    },
  });
  if (frontMatter === undefined) {
    return { data: {}, lines: new Map([['', 1]]), body: content, problems: [] };
  }
  // gray-matter's front matter text keeps the line break that ends the opening "---",
  // so line N of the YAML is line N of the file.
  const parsed = parseYaml(frontMatter, file, 'front matter');
  return { ...(parsed.data !== undefined && { data: parsed.data }), lines: parsed.lines, body: content, problems: parsed.problems };
}

/** Every `.md` file under `dir` (relative paths, sorted), skipping the static files folder. */
function listMarkdown(dir: string, skip: string): string[] {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((full) => !full.startsWith(skip + path.sep))
    .map((full) => path.relative(dir, full))
    .sort();
}


function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
