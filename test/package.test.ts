import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const run = promisify(execFile);
const root = process.cwd();

/** The README's examples under "Using the library", as one module. */
function readmeExamples(): string {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Using the library'), readme.indexOf('\n## ', readme.indexOf('## Using the library') + 1));
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');
}

/** Another TypeScript project that has this one installed as `3ml-news`, with `files` written into it. */
function writeConsumer(files: Record<string, string>): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), '3ml-consumer-'));
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(root, path.join(dir, 'node_modules', '3ml-news'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const compilerOptions = {
    strict: true, module: 'nodenext', target: 'es2023', noEmit: true, allowImportingTsExtensions: true,
    types: ['node'], typeRoots: [path.join(root, 'node_modules', '@types')],
  };
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: Object.keys(files) }));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function typeCheck(dir: string): Promise<string> {
  try {
    await run(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', '.', '--pretty', 'false'], { cwd: dir });
    return '';
  } catch (error) {
    return (error as { stdout: string }).stdout.trim();
  }
}

const consumer = suite('the library as a package');

consumer('another project imports 3ml-news with its types: the README examples type-check, and a type error is caught', async () => {
  const project = writeConsumer({ 'readme.ts': readmeExamples(), 'wrong.ts': "import { resolveConfig } from '3ml-news';\nexport const title: number = resolveConfig({ site: { origin: 'https://x.example' } }).site.title;\n" });
  try {
    assert.match(readFileSync(path.join(project.dir, 'readme.ts'), 'utf8'), "from '3ml-news'");
    assert.is(await typeCheck(project.dir), "wrong.ts(2,14): error TS2322: Type 'string' is not assignable to type 'number'.");
  } finally {
    project.remove();
  }
});

consumer('another project runs it through tsx', async () => {
  const program = "import { resolveConfig, slugify } from '3ml-news';\nconsole.log(resolveConfig({ site: { origin: 'https://x.example' } }).streams.length, slugify('Telecare & you'));\n";
  const project = writeConsumer({ 'main.ts': program });
  try {
    // Plain output: the test runner's environment asks for colour.
    const env = { ...process.env, FORCE_COLOR: '0' };
    const { stdout } = await run('node', ['--import', path.join(root, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs'), 'main.ts'], { cwd: project.dir, env });
    assert.is(stdout, '4 telecare-and-you\n');
  } finally {
    project.remove();
  }
});

consumer.run();
