/** The README stays a front door, its links lead somewhere, and the parts of docs/ made from the code are up to date. */
import { existsSync, readFileSync } from 'node:fs';
import * as assert from 'uvu/assert';
import { renderDocs } from '../scripts/generated-docs.ts';
import { suite } from './helpers/suite.ts';

const docs = suite('documentation');

docs('the README is at most 150 lines, and every file it links to exists', () => {
  const readme = readFileSync('README.md', 'utf8');
  assert.ok(readme.split('\n').length <= 150, `${readme.split('\n').length} lines`);
  const links = [...readme.matchAll(/\]\(([^)#]+)\)/g)].map((m) => m[1] ?? '').filter((href) => !/^https?:/.test(href));
  assert.ok(links.length >= 9, links.join(' '));
  assert.equal(links.filter((href) => !existsSync(href)), []);
});

docs('the parts made from the outputs table and the bench\'s results are as npm run docs writes them', () => {
  for (const [file, text] of renderDocs()) assert.is(readFileSync(file, 'utf8'), text, `${file} is out of date: run npm run docs`);
});

docs.run();
