import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as assert from 'uvu/assert';
import { suite } from './helpers/suite.ts';

/**
 * Every module a TypeScript file names, in any form: `import … from`, `import type`,
 * `export … from`, a side-effect `import '…'`, a dynamic `import('…')` and `require('…')`.
 * Comments are left out first, so prose about imports is not one; a dynamic import of a
 * computed name is reported as `import(<computed>)`, since nothing can check it.
 */
function specifiersIn(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const forms = [
    /^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\s*\(\s*['"`]([^'"`$]+)['"`]\s*[,)]/g,
    /\brequire\s*\(\s*['"`]([^'"`$]+)['"`]\s*\)/g,
  ];
  const named = forms.flatMap((form) => [...code.matchAll(form)].map((m) => m[1] ?? ''));
  const computed = [...code.matchAll(/\bimport\s*\(\s*(?!['"`][^'"`$]+['"`]\s*[,)])/g)].map(() => 'import(<computed>)');
  return [...named, ...computed];
}

/** Every import specifier in every TypeScript file under `dir`, with the importing file. */
function importsUnder(dir: string): { file: string; specifier: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .flatMap((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return specifiersIn(readFileSync(file, 'utf8')).map((specifier) => ({ file, specifier }));
    });
}

const forbidden = (specifier: string) => /^@11ty\//.test(specifier) || /(^|\/)(src|layouts|test)\//.test(specifier) || specifier === 'import(<computed>)';

const architecture = suite('architecture');

/** The computed imports lib/ may make, and why nothing forbidden can come through them. */
const computedImports = new Map([
  // It starts worker threads on lib/ modules given as URLs (content/worker.ts).
  ['lib/content/threads.ts', 1],
]);

architecture('lib/ never imports Eleventy, the site or the tests', () => {
  const found = importsUnder('lib').filter(({ specifier }) => forbidden(specifier) || /(^|\/)(site|dev|scripts|embed)\//.test(specifier));
  const counts = new Map<string, number>();
  for (const { file, specifier } of found) if (specifier === 'import(<computed>)') counts.set(file, (counts.get(file) ?? 0) + 1);
  assert.equal(found.filter(({ file, specifier }) => specifier !== 'import(<computed>)' || counts.get(file) !== computedImports.get(file)), []);
  assert.equal(counts, computedImports);
});

/** The project's folders other than lib/, and the folders of the project each may import from (besides itself and npm packages). */
const layers: Record<string, readonly string[]> = {
  site: ['lib', 'embed', 'cms'],
  layouts: ['lib', 'site'],
  src: ['lib', 'site', 'layouts', 'embed', 'cms'],
  embed: [],
  // The CMS's configuration and the script added to it: the content model's rules, from the library.
  cms: ['lib'],
  // The build: reading and rendering on threads, writing the folder; Eleventy's adapter sits on it.
  pipeline: ['lib', 'site', 'src', 'layouts', 'embed', 'cms', 'news.config.ts'],
  dev: ['lib', 'site', 'src', 'layouts', 'pipeline', 'eleventy.config.ts'],
  scripts: ['lib', 'site', 'src', 'layouts', 'pipeline', 'dev', 'embed', 'cms', 'bench', 'eleventy.config.ts', 'news.config.ts', 'package.json'],
};
const projectRoots = ['lib', 'site', 'layouts', 'src', 'embed', 'cms', 'pipeline', 'dev', 'scripts', 'test', 'bench', 'eleventy.config.ts', 'news.config.ts', 'package.json'];

architecture('each layer imports only from the layers below it, and nothing imports the tests', () => {
  const wrong = Object.entries(layers).flatMap(([folder, allowed]) => importsUnder(folder).flatMap(({ file, specifier }) => {
    if (!specifier.startsWith('.')) return specifier.startsWith('@11ty/') && !['dev', 'scripts'].includes(folder) ? [`${file}: ${specifier}`] : [];
    const target = path.relative('.', path.resolve(path.dirname(file), specifier)).split(path.sep)[0] ?? '';
    const ok = target === folder || allowed.includes(target) || !projectRoots.includes(target);
    return ok ? [] : [`${file}: ${specifier}`];
  }));
  assert.equal(wrong, []);
});

architecture('the library\'s entry point exports at most 30 values', () => {
  const text = readFileSync('lib/index.ts', 'utf8');
  const values = [...text.matchAll(/^export \{([^}]*)\} from/gm)].flatMap((m) => (m[1] ?? '').split(',').map((name) => name.trim()).filter(Boolean));
  assert.ok(values.length <= 30, `${values.length} values: ${values.join(', ')}`);
  assert.not.match(text, /^export \* from/m);
});

architecture('the scan finds every form of import, and none in comments', () => {
  const dir = mkdtempSync(path.join(tmpdir(), '3ml-architecture-'));
  try {
    writeFileSync(path.join(dir, 'a.ts'), [
      "import Eleventy from '@11ty/eleventy';",
      "import type { EleventyPage } from '@11ty/eleventy';",
      "import '@11ty/eleventy-plugin-rss';",
      "export { html } from '../layouts/html.ts';",
      "export * from '../src/item.11ty.ts';",
      "const later = await import('@11ty/eleventy-dev-server');",
      "const chosen = await import(name);",
      "const old = require('../test/helpers/content.ts');",
      "// import '@11ty/in-a-comment';",
      "/** import('@11ty/in-a-doc-comment') */",
      "const ok = import.meta.url;",
    ].join('\n'));
    assert.equal(importsUnder(dir).map(({ specifier }) => [specifier, forbidden(specifier)]), [
      ['@11ty/eleventy', true],
      ['@11ty/eleventy', true],
      ['../layouts/html.ts', true],
      ['../src/item.11ty.ts', true],
      ['@11ty/eleventy-plugin-rss', true],
      ['@11ty/eleventy-dev-server', true],
      ['../test/helpers/content.ts', true],
      ['import(<computed>)', true],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
