import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { suite } from '../helpers/suite.ts';
import * as assert from 'uvu/assert';

const run = promisify(execFile);
const root = process.cwd();

/** The examples of docs/library.md, each as a module of its own. */
function libraryExamples(): Record<string, string> {
  const text = readFileSync('docs/library.md', 'utf8');
  return Object.fromEntries([...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m, index) => [`example-${index + 1}.ts`, `${m[1]}export {};\n`]));
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

consumer('another project imports 3ml-news with its types: the examples of docs/library.md type-check and run, and a type error is caught', async () => {
  const examples = libraryExamples();
  assert.is(Object.keys(examples).length, 3);
  const project = writeConsumer({ ...examples, 'wrong.ts': "import { resolveConfig } from '3ml-news';\nexport const title: number = resolveConfig({ site: { origin: 'https://x.example' } }).site.title;\n" });
  try {
    assert.is(await typeCheck(project.dir), "wrong.ts(2,14): error TS2322: Type 'string' is not assignable to type 'number'.");
    // A project with one item and no partner sources.
    mkdirSync(path.join(project.dir, 'content', 'industry'), { recursive: true });
    writeFileSync(path.join(project.dir, 'content', 'industry', 'first.md'), '---\ntitle: First news\ndate: 2013-03-22\n---\nA paragraph.\n');
    const env = { ...process.env, FORCE_COLOR: '0' };
    const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs');
    const outputs = [];
    for (const name of Object.keys(examples)) outputs.push((await run('node', ['--import', tsx, name], { cwd: project.dir, env })).stdout);
    assert.equal(outputs, [
      '2013-03-22T12:00:28Z First news https://news.example.org/industry/2013/first/\n',
      '/rss.xml 1355\n/atom.xml 1427\n/feed.json 660\n',
      '0 of 0 sources fine, 0 waiting, 0 failed.\n',
    ]);
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
