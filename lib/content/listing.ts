/**
 * Which files of the content folder are news items: listed apart from their reading
 * (markdown.ts), so that a build can share the list among threads before it has loaded
 * anything that reads them.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { NewsConfig } from '../config.ts';
import type { Problem } from '../problems.ts';

export interface MarkdownSourceOptions {
  /** The project root; reported paths are relative to it. */
  readonly rootDir: string;
  /** The content folder, relative to the root. */
  readonly contentDir: string;
  readonly config: NewsConfig;
  readonly now: Date;
}

/**
 * Every Markdown file under the content folder (paths relative to it, sorted): names
 * ending in `.md` in any case (`upper.MD`), links to files followed; the static files
 * folder skipped. Nothing inside a stream folder is left out unsaid: any other file, a
 * link to a folder and a broken link are warnings. A missing content folder is a
 * problem, not a crash.
 */
export function listMarkdownFiles(options: MarkdownSourceOptions): { files: string[]; problems: Problem[] } {
  const contentRoot = path.resolve(options.rootDir, options.contentDir);
  if (!existsSync(contentRoot)) {
    return { files: [], problems: [{ severity: 'error', file: options.contentDir, field: 'content', message: 'the content folder does not exist', hint: `create ${options.contentDir}/<stream>/ folders with Markdown files, or name the right folder` }] };
  }
  const skip = path.join(contentRoot, options.config.files.dir);
  const streams = new Set(options.config.streams.map((stream) => stream.slug));
  const files: string[] = [];
  const problems: Problem[] = [];
  for (const entry of readdirSync(contentRoot, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (full === skip || full.startsWith(skip + path.sep)) continue;
    const relative = path.relative(contentRoot, full);
    // Hidden folders (an editor's or a tool's) hold no news either.
    if (isEditorFile(entry.name) || relative.split(path.sep).some((segment) => segment.startsWith('.'))) continue;
    const kind = entry.isSymbolicLink() ? linkedKind(full) : entry.isFile() ? 'file' : entry.isDirectory() ? 'folder' : 'other';
    if (kind === 'folder') continue;
    if (kind === 'file' && isMarkdownName(entry.name)) {
      files.push(relative);
      continue;
    }
    const [folder, ...rest] = toPosix(relative).split('/');
    if (rest.length === 0 || folder === undefined || !streams.has(folder)) continue;
    const problem = (message: string, hint: string) => problems.push({ severity: 'warning', file: toPosix(path.join(options.contentDir, relative)), field: 'file', message, hint });
    if (kind === 'linked folder') problem('is a link to a folder, which is not followed, so nothing in it is read', `move the folder itself into ${options.contentDir}/${folder}/, or link its files one by one`);
    else if (kind === 'broken link') problem('is a link to something that does not exist', 'correct the link, or remove it');
    else problem('is not read: only .md files in a stream folder are news items', `rename it to .md if it is an item; put files to publish in ${options.contentDir}/${options.config.files.dir}/; otherwise move it out of ${options.contentDir}/`);
  }
  return { files: files.sort(), problems };
}

/**
 * Files editors keep beside the one being edited, for a moment or for the session: hidden
 * files (vim's `.item.md.swp`, emacs's `.#item.md`), backups (`item.md~`), emacs's
 * `#item.md#`, JetBrains' safe-write files (`item.md___jb_tmp___`) and vim's test file
 * `4913`. They are not content, and not worth a warning.
 */
export function isEditorFile(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || /^#.*#$/.test(name) || /___jb_(?:tmp|old)___$/.test(name) || name === '4913';
}

/** A Markdown file's name: `.md`, in any case. */
function isMarkdownName(name: string): boolean {
  return /\.md$/i.test(name);
}

/** What a symbolic link points to. */
function linkedKind(full: string): 'file' | 'linked folder' | 'broken link' | 'other' {
  try {
    const target = statSync(full);
    return target.isFile() ? 'file' : target.isDirectory() ? 'linked folder' : 'other';
  } catch {
    return 'broken link';
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
