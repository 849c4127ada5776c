/** `npm run docs`: writes the parts of docs/ that are made from the code and the bench's results (scripts/generated-docs.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseCommand } from './cli.ts';
import { renderDocs } from './generated-docs.ts';

parseCommand({
  name: 'npm run docs',
  usage: `Usage: npm run docs

Writes the parts of docs/ that are made, not written: the response headers and the
server examples in docs/hosting.md (from the site's outputs table) and the figures in
docs/performance.md (from bench/results/latest.json). Run it after changing either.`,
  options: {},
});
for (const [file, text] of renderDocs()) {
  if (readFileSync(file, 'utf8') === text) continue;
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
