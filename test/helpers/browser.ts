/** Debian's Chromium, driven by playwright-core, started the one way this project allows. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type ConsoleMessage, type Frame, type Page } from 'playwright-core';
import { sharedSite, type BuiltSite } from './site.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Opens `url` in `page` and fails unless it answers 200: a page that is not there is
 * served as the 404 page, which would pass most checks made of it.
 */
export async function visit(page: Page, url: string, options: Parameters<Page['goto']>[1] = {}): Promise<void> {
  const response = await page.goto(url, options);
  if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status() ?? 'nothing'}, not 200`);
}

/** A suite's view of the shipped site: the shared build, served on 127.0.0.1, and a browser. */
export interface BrowsedSite {
  site?: BuiltSite;
  server?: StaticServer;
  browser?: Browser;
}

/** For a suite's `before`: the shared build served and a browser started. */
export async function browseSharedSite(context: BrowsedSite): Promise<void> {
  context.site = await sharedSite({ commands: true });
  context.server = await serveStatic({ root: context.site.dir });
  context.browser = await launchBrowser();
}

/** For the suite's `after`: the browser and the server stopped (the shared build stays for other suites). */
export async function stopBrowsing(context: BrowsedSite): Promise<void> {
  await context.browser?.close();
  await context.server?.close();
}

/** The address of a page that is not there, which is answered with the 404 page. */
export const missingPage = '/no-such-page/';

/** The status each page answers with: 200 but for the address that is not there. */
export const statusOf = (path: string) => (path === missingPage ? 404 : 200);

/** One page of every type the site has, by name and path. */
export const pageTypes: readonly (readonly [name: string, path: string])[] = [
  ['home', '/'],
  ['page 2', '/page/2/'],
  ['stream', '/pathfinder/'],
  ['tag', '/tags/telehealth/'],
  ['tags', '/tags/'],
  ['item', '/public-health/2014/digital-inclusion/'],
  ['item with attachments', '/pathfinder/2013/worcester-business-case/'],
  ['link post', '/industry/2012/bmj-telehealth-outcomes/'],
  ['archive', '/archive/'],
  ['year', '/archive/2013/'],
  ['feeds', '/feeds/'],
  ['feed preview', '/industry/feed/'],
  ['about', '/about/'],
  ['partner sources', '/sources/'],
  ['embed our news', '/embed/'],
  ['embed frame', '/embed/frame/industry/'],
  ['search', '/search/'],
  ['404', missingPage],
];

/** What a page said: console errors and warnings, uncaught errors, and dialogs (dismissed). */
export interface PageOutput {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly dialogs: string[];
}

/** Starts recording what `page` says, from now on. */
export function recordPageOutput(page: Page): PageOutput {
  const output: PageOutput = { consoleErrors: [], pageErrors: [], dialogs: [] };
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') output.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => output.pageErrors.push(error.message));
  page.on('dialog', async (dialog) => {
    output.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return output;
}

/**
 * Starts recording the Content-Security-Policy violations of `page` and of every frame in
 * it, from its next navigation on, as `directive blocked-address (frame address)`. Chromium
 * reports each in the console as well, but only the event says which directive refused what.
 */
export async function recordPolicyViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeBinding('reportPolicyViolation', ({ frame }, violation: string) => {
    violations.push(`${violation} (${frame.url()})`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      void (window as unknown as { reportPolicyViolation: (violation: string) => Promise<void> }).reportPolicyViolation(`${event.effectiveDirective} ${event.blockedURI}`);
    }, true);
  });
  return violations;
}

// Run through the DevTools protocol, which no Content-Security-Policy applies to: as a
// <script> element (page.addScriptTag) the pages' own policy would refuse it.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

/** axe-core's WCAG 2.2 A and AA rules (which include 2.0 and 2.1) on the page, or the frame, as it is now. */
export async function findViolations(page: Page | Frame): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
