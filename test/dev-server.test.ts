/**
 * The dev server as an editor uses it: new items, saves that replace the file (as vim and
 * JetBrains make them), deletions, a content error shown in the page until it is fixed,
 * and a stop that leaves nothing listening. In this process, on a port the OS chooses.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as assert from 'uvu/assert';
import { settingsFromEnvironment } from '../pipeline/settings.ts';
import { startDevServer } from '../dev/server.ts';
import { item } from './helpers/content.ts';
import { suite } from './helpers/suite.ts';

interface Context {
  rootDir?: string;
  url?: string;
  close?: () => Promise<void>;
  applied?: string[];
}

const dev = suite<Context>('the dev server', {});

dev.before(async (context) => {
  context.rootDir = mkdtempSync(path.join(tmpdir(), '3ml-dev-'));
  cpSync('test/fixtures/valid/content', path.join(context.rootDir, 'content'), { recursive: true });
  const applied: string[] = [];
  const settings = settingsFromEnvironment({
    contentDir: path.join(context.rootDir, 'content'), cacheDir: path.join(context.rootDir, 'cache'), includeDrafts: true, log: () => {},
  });
  const server = await startDevServer({ settings, outputDir: path.join(context.rootDir, 'preview'), port: 0, log: (line) => applied.push(line) });
  Object.assign(context, { url: server.url, close: server.close, applied });
});

dev.after(async (context) => {
  await context.close?.();
  if (context.rootDir) rmSync(context.rootDir, { recursive: true, force: true });
});

/** The page at a site path: its status and its text. */
async function get(context: Context, sitePath: string): Promise<{ status: number; text: string }> {
  const response = await fetch(new URL(sitePath.slice(1), context.url));
  return { status: response.status, text: await response.text() };
}

/** Asks until `check` holds, for at most `ms`; resolves to how long it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return performance.now() - started;
}

/** Waits until the dev server has said nothing for half a second. */
async function idle(lines: readonly string[]): Promise<void> {
  for (let seen = -1; seen !== lines.length;) {
    seen = lines.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Saves as vim and JetBrains do: the new text into a temporary file beside it, renamed over it. */
function saveByRename(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.swp`);
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

dev('shows drafts, a new item, and five saves by rename, each within 2 s', async (context) => {
  assert.is((await get(context, '/social-care/2013/draft-plan/')).status, 200, 'drafts are shown');
  const file = path.join(context.rootDir as string, 'content', 'industry', '2013', 'new-item.md');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, item({ title: 'A new item', date: '2013-06-01', draft: 'true' }));
  await within(2000, async () => (await get(context, '/industry/2013/new-item/')).status === 200);
  for (let save = 1; save <= 5; save++) {
    saveByRename(file, item({ title: `A new item, save ${save}`, date: '2013-06-01', draft: 'true' }));
    await within(2000, async () => (await get(context, '/industry/2013/new-item/')).text.includes(`<h1>A new item, save ${save}</h1>`));
  }
});

dev('an edit that leaves an item in place is shown at once, in its page, lists and feeds, then the whole site agrees; a retag waits for the whole site', async (context) => {
  const file = path.join(context.rootDir as string, 'content', 'industry', '2012', 'concordat-signed.md');
  const text = readFileSync(file, 'utf8');
  const applied = context.applied as string[];
  // The last test's saves are applied first: the whole site follows a quick edit.
  await idle(applied);
  const before = applied.length;
  saveByRename(file, text.replace(/^title: .*$/m, 'title: "The concordat, retitled"'));
  await within(2000, async () => (await get(context, '/industry/2012/concordat-signed/')).text.includes('<h1>The concordat, retitled</h1>'));
  for (const list of ['/', '/industry/', '/social-care/', '/tags/telehealth/', '/feed.json', '/industry/rss.xml']) {
    await within(2000, async () => (await get(context, list)).text.includes('The concordat, retitled'));
  }
  // The quick edit's line, then (the last test's saves may still be applied meanwhile) the whole site's.
  const shown = () => applied.findIndex((line, at) => at >= before && / shown in /.test(line));
  await within(2000, async () => shown() !== -1 && applied.slice(shown()).some((line) => line.includes(' changed: ')));
  assert.match(applied[shown()] ?? '', /^\[3ML News\] .*concordat-signed\.md shown in \d+ ms \(\d+ files\); the whole site follows$/);
  assert.match(applied.slice(shown()).find((line) => line.includes(' changed: ')) ?? '', /^\[3ML News\] .*content\/ changed: wrote \d+ files, removed 0, in \d+ ms$/);
  // A new tag moves the item into another list: the whole site, and no quick edit, shows it.
  const retagged = applied.length;
  saveByRename(file, text.replace(/^tags: .*$/m, 'tags: [Concordat, Telehealth, telecare, procurement]'));
  await within(2000, async () => (await get(context, '/tags/procurement/')).status === 200);
  await within(2000, async () => applied.slice(retagged).some((line) => line.includes(' changed: ')));
  assert.equal(applied.slice(retagged).filter((line) => line.includes(' shown in ')), []);
  saveByRename(file, text);
  await within(2000, async () => (await get(context, '/tags/procurement/')).status === 404);
});

dev('a deleted item disappears, its page and its place in the lists', async (context) => {
  rmSync(path.join(context.rootDir as string, 'content', 'social-care', 'telecare-week.md'));
  await within(2000, async () => (await get(context, '/social-care/2012/telecare-week/')).status === 404 && !(await get(context, '/')).text.includes('telecare-week'));
});

dev('a content error is shown in every page, with its file, line and field, until it is fixed; the CMS stays open', async (context) => {
  const file = path.join(context.rootDir as string, 'content', 'pathfinder', '2013', 'business-case.md');
  const text = readFileSync(file, 'utf8');
  saveByRename(file, text.replace(/^date: .*$/m, 'date: 2013-13-45'));
  await within(2000, async () => (await get(context, '/about/')).status === 500);
  const page = await get(context, '/');
  assert.is(page.status, 500);
  assert.match(page.text, 'pathfinder/2013/business-case.md:3: date: &quot;2013-13-45&quot; is not a real date: there is no month 13');
  // The CMS stays open, to fix them in.
  assert.is((await get(context, '/admin/')).status, 200);
  saveByRename(file, text);
  await within(2000, async () => (await get(context, '/about/')).status === 200);
});

dev('the CMS is served without the reload script, so a save never reloads it under the editor', async (context) => {
  // As a browser opens a page, which is when the dev server adds its script (fetch would say it is not a navigation).
  const open = (sitePath: string) => new Promise<string>((resolve, reject) => {
    httpGet(new URL(sitePath.slice(1), context.url), { headers: { 'sec-fetch-mode': 'navigate' } }, (response) => {
      let text = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve(text));
    }).on('error', reject);
  });
  const admin = await open('/admin/');
  assert.ok(admin.includes('decap-cms.js'), 'the CMS page');
  assert.not.ok(admin.includes('reload-client.js'), 'no reload script in the CMS');
  assert.ok((await open('/about/')).includes('reload-client.js'), 'the reload script in the other pages');
});

dev('stopped, it leaves nothing listening', async (context) => {
  const { port } = new URL(context.url as string);
  await context.close?.();
  context.close = undefined;
  const refused = await new Promise<boolean>((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
  assert.ok(refused, `port ${port} still accepts connections`);
});

dev.run();
