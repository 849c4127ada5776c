/**
 * Writes the goldens of the public feed corpus (test/fixtures/feed-corpus): for each file,
 * what we read from it and what Debian's feedparser reads from it, keeping the
 * differences people have explained. Run it after adding files to the corpus, then read
 * what it lists: each disagreement with feedparser is a bug to fix, or a difference to
 * explain in that golden's `differences`.
 *
 *   node --import tsx test/feed-corpus-goldens.ts
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { corpusDir, corpusFiles, corpusReading, declaredContentType, disagreements, readGolden, type FeedparserReading, type Golden } from './helpers/feed-corpus.ts';

const origins: Record<string, string> = {
  feedparser: 'kurtmckee/feedparser tests/',
  feedvalidator: 'w3c/feedvalidator testcases/',
  feedsmith: 'macieklamberski/feedsmith ',
  'jsonfeed-schema': 'sonicdoe/jsonfeed-schema ',
  'rubycocos-feeds': 'rubycocos/feedparser ',
};

const readFeedparser = `
import json, sys, time, feedparser
out = {}
for file, content_type in json.load(sys.stdin):
    d = feedparser.parse(open(file, 'rb').read(), response_headers={'content-type': content_type} if content_type else {})
    e = d.entries[0] if d.entries else None
    when = e and (e.get('published_parsed') or e.get('updated_parsed'))
    out[file] = dict(bozo=bool(d.bozo), version=d.version or '', entries=len(d.entries), title=d.feed.get('title'),
        first=dict(title=e.get('title'), titleType=e.get('title_detail', {}).get('type'), link=e.get('link'),
                   date=time.strftime('%Y-%m-%dT%H:%M:%SZ', when) if when else None) if e is not None else None)
json.dump(out, sys.stdout)
`;

const files = corpusFiles();
const contentTypes = new Map(files.map((file) => [file, declaredContentType(readFileSync(path.join(corpusDir, file)))]));
const input = JSON.stringify(files.map((file) => [path.join(corpusDir, file), contentTypes.get(file)]));
const feedparser = JSON.parse(execFileSync('/usr/bin/python3', ['-c', readFeedparser], { input, maxBuffer: 1 << 26 }).toString()) as Record<string, FeedparserReading>;

let unexplained = 0;
for (const file of files) {
  const [origin = ''] = file.split(path.sep);
  const contentType = contentTypes.get(file) ?? null;
  let differences: Golden['differences'];
  try {
    differences = readGolden(file).differences;
  } catch {
    differences = undefined;
  }
  const golden: Golden = {
    from: `${origins[origin] ?? ''}${file.slice(origin.length + 1)}${origin === 'rubycocos-feeds' ? ' (its test assertions after "---" left out)' : ''}`,
    contentType,
    expected: corpusReading(readFileSync(path.join(corpusDir, file)), contentType),
    feedparser: feedparser[path.join(corpusDir, file)] as FeedparserReading,
    ...(differences && { differences }),
  };
  writeFileSync(path.join(corpusDir, `${file}.expected.json`), `${JSON.stringify(golden, null, 2)}\n`);
  for (const line of disagreements(golden)) {
    unexplained++;
    console.log(`${file}: ${line}`);
  }
}
console.log(`${files.length} goldens written; ${unexplained} unexplained ${unexplained === 1 ? 'disagreement' : 'disagreements'} with feedparser.`);
