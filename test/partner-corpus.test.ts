import { readFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from './helpers/suite.ts';
import * as assert from 'uvu/assert';
import { corpusDir, corpusFiles, corpusReading, disagreements, readGolden } from './helpers/feed-corpus.ts';

const files = corpusFiles();
const bytesOf = (file: string) => readFileSync(path.join(corpusDir, file));

const read = suite('the public feed corpus, each file read as its golden says and as feedparser reads it');

for (const file of files) {
  read(file, () => {
    const golden = readGolden(file);
    assert.equal(corpusReading(bytesOf(file), golden.contentType), golden.expected);
    assert.equal(disagreements(golden), []);
  });
}

read.run();

const figures = suite('the public feed corpus, in figures');

figures('every well-formed feed is read, an empty one as a feed with no entries; only what is not XML, or not a feed, is refused', () => {
  const count = new Map<string, number>();
  const add = (key: string) => count.set(key, (count.get(key) ?? 0) + 1);
  for (const file of files) {
    const { expected, feedparser } = readGolden(file);
    if ('refused' in expected) add(`refused: ${expected.refused}${feedparser.bozo ? ', and feedparser finds it ill-formed' : ', not a feed to feedparser either'}`);
    else add(`read: ${expected.format}, ${expected.entries === 0 ? 'empty' : 'with entries'}`);
  }
  assert.equal(Object.fromEntries([...count].sort()), {
    'read: atom, empty': 77, 'read: atom, with entries': 174, 'read: json, with entries': 10, 'read: rdf, empty': 7, 'read: rdf, with entries': 12,
    'read: rss, empty': 250, 'read: rss, with entries': 185, 'refused: malformed, and feedparser finds it ill-formed': 7, 'refused: not-a-feed, not a feed to feedparser either': 5,
  });
});

figures.run();
