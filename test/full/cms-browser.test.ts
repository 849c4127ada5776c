/**
 * The CMS at /admin/ in Chromium. With `npm run edit` running on a scratch copy of the
 * project, an item is created through Decap's interface (title, streams, tags, body, an
 * attachment) and saved; then the file is checked where it was written, by `npm run
 * check` and on the dev server, and a retitle keeps its id. And `npm run build`'s
 * /admin/ loads under its own Content-Security-Policy. Every server is started and
 * stopped here, on ports the OS chose; nothing reaches the internet.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { resolveConfig } from '../../lib/config.ts';
import newsConfig from '../../news.config.ts';
import { launchBrowser, recordPageOutput, visit, type PageOutput } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { suite } from '../helpers/suite.ts';

const run = promisify(execFile);
const config = resolveConfig(newsConfig);

/** A port nothing listens on now, as the OS chose it. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Whether something answers on 127.0.0.1:`port`. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    }).on('error', () => resolve(false));
  });
}

async function waitFor<T>(what: string, attempt: () => Promise<T | undefined> | T | undefined, ms = 60_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const found = await attempt();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`gave up waiting for ${what} after ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A copy of the project (its node_modules linked), so the CMS writes nowhere that matters. */
function scratchProject(): string {
  const root = mkdtempSync(path.join(tmpdir(), '3ml-cms-'));
  const left = new Set(['node_modules', '.cache', '_site', '.git'].map((name) => path.resolve(name)));
  cpSync('.', root, { recursive: true, filter: (source) => !left.has(path.resolve(source)) });
  symlinkSync(path.resolve('node_modules'), path.join(root, 'node_modules'));
  return root;
}

/** The front matter of a Markdown file, as YAML reads it. */
function frontMatter(file: string): Record<string, unknown> {
  return parse(readFileSync(file, 'utf8').split(/^---$/m)[1] ?? '') as Record<string, unknown>;
}

interface EditContext {
  root?: string;
  port?: number;
  backendPort?: number;
  edit?: ChildProcess;
  log?: string[];
  browser?: Browser;
}

const editing = suite<EditContext>('npm run edit and the CMS', {});

editing.before(async (context) => {
  context.root = scratchProject();
  context.port = await freePort();
  context.backendPort = await freePort();
  const log: string[] = [];
  context.log = log;
  // Its own process group, so that whatever is left of it can be stopped at the end.
  const edit = spawn('npm', ['run', 'edit', '--', '--port', String(context.port), '--backend-port', String(context.backendPort)], { cwd: context.root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  context.edit = edit;
  edit.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  edit.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  await waitFor('npm run edit to serve /admin/', () => {
    if (edit.exitCode !== null) throw new Error(`npm run edit stopped:\n${log.join('')}`);
    return log.join('').includes('Edit in the browser at') ? true : undefined;
  }, 180_000);
  context.browser = await launchBrowser();
});

editing.after(async (context) => {
  await context.browser?.close();
  if (context.edit?.pid !== undefined && context.edit.exitCode === null) {
    try {
      process.kill(-context.edit.pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
  if (context.root) rmSync(context.root, { recursive: true, force: true });
});

const title = 'Telehealth pilot reaches 500 homes in Northshire';
const slug = 'telehealth-pilot-reaches-500-homes-in-northshire';

/** Decap's "Publish now", which saves the item as the form holds it. */
async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Publish now' }).click();
  await page.getByText('Changes saved').waitFor();
}

editing('an item made in the CMS is written where it belongs, passes npm run check, shows on the dev server, and keeps its id when retitled', async (context) => {
  const root = context.root as string;
  const site = `http://localhost:${context.port}`;
  const page = await (context.browser as Browser).newPage({ viewport: { width: 1400, height: 1000 } });
  const output = recordPageOutput(page);
  const plan = path.join(root, 'northshire-plan.pdf');
  writeFileSync(plan, '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

  // The local backend's sign-in asks for nothing; the collection is the item's home stream.
  await visit(page, `${site}/admin/`);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.locator('a[href="#/collections/pathfinder"]').click();
  await page.locator('a[href="#/collections/pathfinder/new"]').click();

  await page.getByLabel('Title', { exact: true }).fill(title);
  const day = await page.getByLabel('Publication date').inputValue();
  assert.match(day, /^\d{4}-\d{2}-\d{2}$/, 'a new item is dated today');
  assert.ok(await page.getByLabel(/^Draft/).isChecked(), 'a new item starts as a draft');
  await page.getByLabel('Also in streams (optional)').fill('Industry');
  await page.keyboard.press('Enter');
  await page.getByLabel('Tags (optional)').fill('telehealth, Northshire, pilots');
  await page.locator('[data-slate-editor="true"]').click();
  await page.keyboard.type('The Northshire telehealth pilot now supports 500 people with long-term conditions at home.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The business plan is attached.');

  await page.getByRole('button', { name: 'Add attachment' }).click();
  await page.getByRole('button', { name: 'Choose a file' }).click();
  await page.locator('input[type="file"]').setInputFiles(plan);
  const card = page.getByText('northshire-plan.pdf', { exact: true });
  await card.waitFor();
  // Decap selects the file it has just uploaded; a click on its card would take that back.
  const choose = page.getByRole('button', { name: 'Choose selected' });
  if (!(await choose.isEnabled())) await card.click();
  await choose.click();
  await page.getByLabel('Title (optional)', { exact: true }).fill('Northshire telehealth business plan');

  // The preview pane is the item's page, in the site's stylesheet.
  const preview = page.frameLocator('iframe').first();
  assert.is(await preview.locator('article.item h1').textContent(), title);
  assert.is(await preview.locator('link[href="/assets/site.css"]').count(), 1);

  await publish(page);
  const year = day.slice(0, 4);
  const file = path.join(root, 'content', 'pathfinder', year, `${slug}.md`);
  await page.waitForURL(new RegExp(`#/collections/pathfinder/entries/${year}/${slug}$`));
  const id = `tag:3millionlives.co.uk,${day}:pathfinder/${slug}`;
  assert.equal(frontMatter(file), {
    title, date: day, streams: ['industry'], tags: ['telehealth', 'Northshire', 'pilots'],
    attachments: [{ url: '/files/northshire-plan.pdf', title: 'Northshire telehealth business plan' }], draft: true, id,
  });
  assert.match(readFileSync(file, 'utf8'), /\n---\nThe Northshire telehealth pilot now supports 500 people with long-term conditions at home\.\n\nThe business plan is attached\.\n?$/);
  assert.equal(readFileSync(path.join(root, 'content', 'files', 'northshire-plan.pdf')), readFileSync(plan));

  const check = await run('npm', ['run', 'check'], { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } });
  assert.match(check.stdout, /Checked content: \d+ items, 0 errors, 0 warnings\.\n$/);

  const itemPage = await waitFor('the item\'s page on the dev server', async () => {
    const response = await fetch(`${site}/pathfinder/${year}/${slug}/`);
    const html = await response.text();
    return response.ok && html.includes(title) ? html : undefined;
  });
  assert.match(itemPage, /href="\/files\/northshire-plan\.pdf"/);

  await page.getByLabel('Title', { exact: true }).fill('Telehealth pilot reaches 600 homes in Northshire');
  await publish(page);
  await waitFor('the retitle to be written', () => (frontMatter(file).title === 'Telehealth pilot reaches 600 homes in Northshire' ? true : undefined), 10_000);
  assert.is(frontMatter(file).id, id);
  assert.equal(readdirSync(path.dirname(file)).filter((name) => name.includes('homes-in-northshire')), [`${slug}.md`]);

  assert.equal([output.consoleErrors, output.pageErrors], [[], []]);
  await page.close();
});

editing('stopping npm run edit by its pid stops the dev server and decap-server', async (context) => {
  const edit = context.edit as ChildProcess;
  assert.equal([await listening(context.port as number), await listening(context.backendPort as number)], [true, true]);
  edit.kill('SIGTERM');
  await waitFor('both servers to stop', async () => (!(await listening(context.port as number)) && !(await listening(context.backendPort as number)) ? true : undefined), 15_000);
  await waitFor('npm run edit to exit', () => (edit.exitCode !== null || edit.signalCode !== null ? true : undefined), 15_000);
});

editing.run();

interface BuildContext {
  dir?: string;
  server?: StaticServer;
  browser?: Browser;
}

const built = suite<BuildContext>('npm run build\'s /admin/', {});

built.before(async (context) => {
  context.dir = mkdtempSync(path.join(tmpdir(), '3ml-cms-build-'));
  await run('npm', ['run', 'build', '--', '--output', path.join(context.dir, 'site')], { env: { ...process.env, NEWS_CACHE_DIR: path.join(context.dir, 'cache') }, maxBuffer: 1 << 26 });
  context.server = await serveStatic({ root: path.join(context.dir, 'site') });
  context.browser = await launchBrowser();
});

built.after(async (context) => {
  await context.browser?.close();
  await context.server?.close();
  if (context.dir) rmSync(context.dir, { recursive: true, force: true });
});

built('writes a CMS configuration with each configured stream as a collection in its folder under content/, and no local backend', (context) => {
  const cms = parse(readFileSync(path.join(context.dir as string, 'site', 'admin', 'config.yml'), 'utf8')) as { local_backend?: unknown; collections: { name: string; folder: string }[] };
  assert.equal(cms.collections.map((c) => [c.name, c.folder]), config.streams.map((s) => [s.slug, `content/${s.slug}`]));
  for (const collection of cms.collections) assert.ok(existsSync(collection.folder), collection.folder);
  assert.is(cms.local_backend, undefined);
});

built('loads in Chromium under its own Content-Security-Policy, with no console errors and nothing fetched from elsewhere', async (context) => {
  const server = context.server as StaticServer;
  const page = await (context.browser as Browser).newPage();
  const output: PageOutput = recordPageOutput(page);
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(server.origin) && !/^(?:data|blob|about):/.test(request.url())) elsewhere.push(request.url());
  });
  await page.addInitScript('document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`))');
  const response = await page.goto(`${server.url}admin/`);
  assert.match(response?.headers()['content-security-policy'] ?? '', /^default-src 'none'; script-src 'self' 'unsafe-eval'/);
  assert.is(response?.headers()['x-robots-tag'], 'noindex');
  await page.getByRole('button', { name: 'Login with GitHub' }).waitFor({ timeout: 30_000 });
  assert.equal([output.consoleErrors, output.pageErrors, elsewhere], [[], [], []]);
  await page.close();
});

built.run();
