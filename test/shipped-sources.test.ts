/**
 * The partner sources production fetches, content/sources.yaml: real feeds, and a site
 * that builds without them ever having been fetched, as a fresh clone's does (the store's
 * state is kept out of git).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as assert from 'uvu/assert';
import { resolveConfig } from '../lib/config.ts';
import { checkSourcesConfig } from '../lib/partners/config.ts';
import newsConfig from '../news.config.ts';
import { element, elements, readPage, text, withClass } from './helpers/html.ts';
import { buildSite } from './helpers/site.ts';
import { suite } from './helpers/suite.ts';

const productionSources = 'content/sources.yaml';
const streams = resolveConfig(newsConfig).streams.map((s) => s.slug);

/** Hosts reserved for examples and tests (RFC 2606, RFC 6761): never a real partner's. */
function isReservedHost(host: string): boolean {
  return /(^|\.)example\.(com|net|org)$/.test(host) || /(^|\.)(example|test|invalid|localhost)$/.test(host);
}

const shipped = suite('content/sources.yaml');

shipped('lists real feeds: every source checks without a problem, and none is on a host reserved for examples', () => {
  const { sources, problems } = checkSourcesConfig(readFileSync(productionSources, 'utf8'), productionSources, streams);
  assert.equal(problems, []);
  assert.ok(sources.length >= 3, `${sources.length} sources`);
  const reserved = sources.flatMap((s) => [s.url, s.homepage]).filter((url) => isReservedHost(new URL(url).hostname));
  assert.equal(reserved, []);
  assert.ok(isReservedHost('northshire-telecare.example.org') && isReservedHost('partner.test') && !isReservedHost('www.gov.uk'));
});

shipped('with an empty store, the site builds without the network, and its sources page says each source has never been fetched', async () => {
  // The production sources file alone, so that its store (beside it) is empty whatever content/partners/ holds here.
  const dir = mkdtempSync(path.join(tmpdir(), '3ml-production-sources-'));
  const sourcesFile = path.join(dir, 'sources.yaml');
  copyFileSync(productionSources, sourcesFile);
  const { sources } = checkSourcesConfig(readFileSync(sourcesFile, 'utf8'), sourcesFile, streams);
  const fetches: string[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input) => {
    fetches.push(String(input));
    throw new Error('a build must not use the network');
  };
  try {
    const site = await buildSite({ sourcesFile });
    try {
      assert.equal(fetches, []);
      const page = readPage(site.dir, '/sources/');
      assert.is(text(element(page, 'p', { class: 'lead' })), `Besides its own items, 3ML News gathers news from partners' feeds. Each item links to the partner's original. ${sources.length} partner feeds are configured; ${sources.length} have never been fetched.`);
      const shown = elements(page, 'section', { class: 'source' }).map((section) => [text(element(section, 'h2')), text(withClass(section, 'status')[0] ?? section)]);
      assert.equal(shown, sources.map((s) => [s.name, 'Never fetched']));
      const json = JSON.parse(readFileSync(path.join(site.dir, 'sources.json'), 'utf8')) as { sources: { name: string; lastAttempt?: string; items: number }[] };
      assert.equal(json.sources.map((s) => [s.name, s.lastAttempt, s.items]), sources.map((s) => [s.name, undefined, 0]));
    } finally {
      site.remove();
    }
  } finally {
    globalThis.fetch = realFetch;
    rmSync(dir, { recursive: true, force: true });
  }
});

shipped.run();
