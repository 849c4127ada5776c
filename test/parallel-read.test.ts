import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as assert from 'uvu/assert';
import { generateCorpus } from '../bench/corpus.ts';
import { resolveConfig } from '../lib/config.ts';
import { readLocalItems, type LocalCache, type LocalOptions } from '../lib/content/local.ts';
import { testConfigInput, testNow } from './helpers/content.ts';
import { suite } from './helpers/suite.ts';

const test = suite('reading Markdown in worker threads');

/** A generated content folder of `items` items (enough to be shared among threads), with one broken file. */
function corpus(items: number): { options: LocalOptions; remove: () => void } {
  const rootDir = mkdtempSync(path.join(tmpdir(), '3ml-news-parallel-'));
  generateCorpus({ dir: path.join(rootDir, 'content'), items });
  writeFileSync(path.join(rootDir, 'content', 'industry', 'broken.md'), '---\ntitle: Broken\ndate: 2013-13-01\n---\nBody.\n');
  return { options: { config: resolveConfig(testConfigInput), rootDir, contentDir: 'content', now: testNow }, remove: () => rmSync(rootDir, { recursive: true, force: true }) };
}

test('gives the same items and problems, in the same order, as reading on one thread, every thread reading some', async () => {
  const { options, remove } = corpus(800);
  try {
    const { filesRead: readAlone, ...alone } = await readLocalItems(options, undefined, { threads: 1 });
    assert.equal(readAlone, [801]);
    assert.is(alone.items.length, 800);
    assert.equal(alone.problems.map((p) => `${p.file}: ${p.field}`), ['content/industry/broken.md: date']);
    for (const threads of [2, 3]) {
      const { filesRead, ...shared } = await readLocalItems(options, undefined, { threads, waitForWorkers: true });
      assert.equal(shared, alone, `${threads} threads`);
      assert.is(filesRead.length, threads);
      assert.is(filesRead.reduce((sum, n) => sum + n, 0), 801);
      assert.ok(filesRead.every((n) => n > 0), `files read by each thread: ${filesRead.join(', ')}`);
    }
  } finally {
    remove();
  }
});

test('fills the cache as reading on one thread does, and a warm read uses it', async () => {
  const { options, remove } = corpus(500);
  try {
    const alone: LocalCache = new Map();
    const shared: LocalCache = new Map();
    await readLocalItems(options, alone, { threads: 1 });
    await readLocalItems(options, shared, { threads: 2, waitForWorkers: true });
    assert.equal([...shared.keys()], [...alone.keys()]);
    assert.equal([...shared.values()], [...alone.values()]);
    // Every unchanged, problem-free file comes from the cache: the results are the very same objects, and only the broken file is read.
    const warm = await readLocalItems(options, shared, { threads: 2 });
    const cachedItems = new Set([...shared.values()].map((entry) => entry.result.item));
    assert.is(warm.items.filter((item) => cachedItems.has(item)).length, 500);
    assert.equal(warm.filesRead, [1]);
  } finally {
    remove();
  }
});

test.run();
