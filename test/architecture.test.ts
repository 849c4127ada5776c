import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

/** Every import specifier in every TypeScript file under `dir`, with the importing file. */
function importsUnder(dir: string): { file: string; specifier: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .flatMap((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => ({ file, specifier: m[1] ?? '' }));
    });
}

const architecture = suite('architecture');

architecture('lib/ never imports Eleventy, the site or the tests', () => {
  const offending = importsUnder('lib').filter(({ specifier }) => /^@11ty\//.test(specifier) || /(^|\/)(src|layouts|test)\//.test(specifier));
  assert.equal(offending, []);
});

architecture('each third-party library is imported by one module of lib/', () => {
  const importers = new Map<string, Set<string>>();
  for (const { file, specifier } of importsUnder('lib')) {
    if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
    const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
    importers.set(name, (importers.get(name) ?? new Set()).add(file));
  }
  const shared = [...importers].filter(([, files]) => files.size > 1).map(([name, files]) => `${name}: ${[...files].join(', ')}`);
  assert.equal(shared, []);
});

architecture.run();
