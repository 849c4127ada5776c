/**
 * The pages' policies in the built site, read as files: every page gets one
 * Content-Security-Policy from `_headers` and carries the same in its head, nothing in a
 * page runs or is styled inline, and the nginx example sends each page the policy
 * `_headers` does. What Chromium makes of them is tested in test/full/policy-browser.test.ts.
 * The CMS's page, /admin/, is Decap's and has a policy of its own (test/cms.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import * as assert from 'uvu/assert';
import { headerRules, renderNginx } from '../site/headers.ts';
import { element } from './helpers/html.ts';
import { configAt, prefixedSite, sharedSite, type BuiltSite } from './helpers/site.ts';
import { headersFor, parseHeadersFile, type HeaderRule } from './helpers/static-server.ts';
import { suite } from './helpers/suite.ts';

/** The shipped site at the root of its origin and under a path prefix. */
const variants = [
  { name: 'at the root', prefix: '/', build: () => sharedSite(), config: configAt() },
  { name: 'under a prefix', prefix: prefixedSite.pathPrefix, build: () => sharedSite({ prefixed: true }), config: configAt(prefixedSite) },
];

/** Every page of the site in `dir`, as the path it is asked for: `about/index.html` is `/about/`. */
function pagePaths(dir: string, prefix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => prefix + file.split(path.sep).join('/').replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

function readPageAt(dir: string, prefix: string, requestPath: string) {
  const file = requestPath.slice(prefix.length);
  return parseDocument(readFileSync(path.join(dir, file === '' || file.endsWith('/') ? `${file}index.html` : file), 'utf8'));
}

/** A policy's directives, each with its sources. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(policy.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name = '', ...sources]) => [name, sources]));
}

/**
 * The policies the rules matching `requestPath` send, each once. A page may match two rules
 * (`/industry/page/2/` is also `/industry/:year/:slug/`): hosts then send the policy twice,
 * which browsers enforce as one.
 */
function policiesOf(rules: readonly HeaderRule[], requestPath: string): string[] {
  return [...new Set(rules.flatMap((rule) => headersFor([rule], requestPath)['content-security-policy'] ?? []))];
}

const policies = suite<{ sites: BuiltSite[] }>('the pages\' policies in the built site');

policies.before(async (context) => {
  context.sites = await Promise.all(variants.map((variant) => variant.build()));
});

const each = (context: { sites: BuiltSite[] }) => variants.map((variant, index) => {
  const dir = (context.sites[index] as BuiltSite).dir;
  const pages = pagePaths(dir, variant.prefix);
  const readersPages = pages.filter((page) => !page.startsWith(`${variant.prefix}admin/`));
  return { ...variant, dir, pages, readersPages, rules: parseHeadersFile(readFileSync(path.join(dir, '_headers'), 'utf8')) };
});

policies('every page for readers gets one policy from _headers: no inline or evaluated script, no plugins, its own base, framed only if an embed frame', (context) => {
  for (const { prefix, readersPages, rules } of each(context)) {
    assert.ok(readersPages.length > 100, `${readersPages.length} pages`);
    for (const page of readersPages) {
      const sent = policiesOf(rules, page);
      assert.is(sent.length, 1, `${page}: ${sent.join(' | ')}`);
      const policy = directives(sent[0] ?? '');
      const framed = page.startsWith(`${prefix}embed/frame/`);
      assert.equal(
        [policy['default-src'], policy['object-src'], policy['base-uri'], policy['style-src'], policy['frame-ancestors']],
        [["'none'"], ["'none'"], ["'self'"], ["'self'"], [framed ? '*' : "'none'"]],
        page,
      );
      const scripts = policy['script-src'] ?? [];
      assert.equal(scripts.filter((source) => ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'"].includes(source) || source.startsWith("'nonce-")), [], page);
      assert.is(scripts.includes("'wasm-unsafe-eval'"), page === `${prefix}search/`, page);
      assert.ok(headersFor(rules, page)['permissions-policy']?.includes('camera=()'), page);
    }
  }
});

policies('every page for readers carries its policy in a <meta> right after its charset, as _headers sends it but for frame-ancestors', (context) => {
  for (const { dir, prefix, readersPages, rules } of each(context)) {
    for (const page of readersPages) {
      const [charset, meta] = DomUtils.getChildren(element(readPageAt(dir, prefix, page), 'head')).filter((node) => node.type === 'tag') as { attribs: Record<string, string> }[];
      assert.is(charset?.attribs.charset, 'utf-8', page);
      assert.is(meta?.attribs['http-equiv'], 'Content-Security-Policy', page);
      assert.equal([meta?.attribs.content], policiesOf(rules, page).map((policy) => policy.replace(/; frame-ancestors [^;]*/, '')), page);
    }
  }
});

policies('no page has an inline script, a <style> element, a style attribute, an event handler or a javascript: link; JSON-LD is data', (context) => {
  for (const { dir, prefix, pages } of each(context)) {
    const inline = pages.flatMap((page) => DomUtils.findAll(() => true, [readPageAt(dir, prefix, page)]).flatMap((e) => {
      const attributes = Object.keys(e.attribs);
      const found = [
        e.name === 'script' && e.attribs.src === undefined && e.attribs.type !== 'application/ld+json' && 'inline script',
        e.name === 'style' && '<style>',
        ...attributes.filter((name) => name === 'style' || name.startsWith('on')),
        /^\s*javascript:/i.test(e.attribs.href ?? '') && 'javascript: link',
      ].filter(Boolean);
      return found.map((what) => `${page}: <${e.name}> ${what}`);
    }));
    assert.equal(inline, []);
  }
});

policies('addresses that are not pages, or not the site\'s, match no rule with a policy, so their own rules can give them theirs', (context) => {
  for (const { prefix, rules } of each(context)) {
    for (const page of ['admin/config.yml', 'no-such-page/', 'embed/frame/no/such/page/']) {
      assert.equal(policiesOf(rules, prefix + page), [], prefix + page);
    }
  }
});

policies('_headers keeps within Cloudflare Pages\' limits: 100 rules, 2,000 characters a line', (context) => {
  for (const { dir, rules } of each(context)) {
    assert.ok(rules.length <= 100, `${rules.length} rules`);
    assert.equal(readFileSync(path.join(dir, '_headers'), 'utf8').split('\n').filter((line) => line.length > 2000), []);
  }
});

/** The nginx example's locations: the path each matches and the policy it sends. */
function nginxLocations(config: Parameters<typeof headerRules>[0]): { regex: RegExp; policy: string | undefined }[] {
  return renderNginx(headerRules(config)).split(/^location ~ /m).slice(1).map((block) => ({
    regex: new RegExp(block.slice(0, block.indexOf(' {'))),
    policy: block.match(/add_header Content-Security-Policy "([^"]*)" always;/)?.[1],
  }));
}

policies('in the nginx example, one location matches each page, by its folder and by the index.html nginx serves it as, and sends the policy _headers does', (context) => {
  for (const { config, pages, rules } of each(context)) {
    const locations = nginxLocations(config);
    for (const page of pages) {
      for (const asked of page.endsWith('/') ? [page, `${page}index.html`] : [page]) {
        assert.equal(locations.filter((location) => location.regex.test(asked)).map((location) => location.policy), policiesOf(rules, page), asked);
      }
    }
  }
});

policies.run();
