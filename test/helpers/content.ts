/** Fresh content trees for tests: each call writes its own temporary project. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveConfig, type NewsConfig, type NewsConfigInput } from '../../lib/config.ts';
import { readNews, type NewsStream } from '../../lib/news.ts';

/** A fixed "now" so that future-date checks never depend on the day the tests run. */
export const testNow = new Date('2026-11-25T12:00:00Z');

export const testConfigInput: NewsConfigInput = {
  site: { origin: 'https://news.example.org', title: '3ML News' },
  idAuthority: '3millionlives.co.uk',
};

/** A front matter block followed by a body. */
export function item(fields: Record<string, string>, body = 'A paragraph of news.'): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n${body}\n`;
}

/** Writes `files` (path under content/ → text or bytes) into a new temporary project and returns its root. */
export function writeProject(files: Record<string, string | Uint8Array>): { rootDir: string; remove: () => void } {
  const rootDir = mkdtempSync(path.join(tmpdir(), '3ml-news-test-'));
  for (const [relative, text] of Object.entries(files)) {
    const full = path.join(rootDir, 'content', relative);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  mkdirSync(path.join(rootDir, 'content'), { recursive: true });
  return { rootDir, remove: () => rmSync(rootDir, { recursive: true, force: true }) };
}

/** Reads the stream of `files` with the test configuration (plus `config`), at `now` (default `testNow`), in this thread. */
export async function collectFrom(files: Record<string, string | Uint8Array>, options: { includeDrafts?: boolean; config?: Partial<NewsConfigInput>; now?: Date } = {}): Promise<{ stream: NewsStream; problems: readonly NewsStream['problems'][number][] }> {
  const project = writeProject(files);
  try {
    const config: NewsConfig = resolveConfig({ ...testConfigInput, ...options.config });
    const stream = await readNews({ config, rootDir: project.rootDir, now: options.now ?? testNow, includeDrafts: options.includeDrafts ?? false, threads: 1 });
    return { stream, problems: stream.problems };
  } finally {
    project.remove();
  }
}
