/**
 * The CMS at /admin/: its configuration, made from news.config.ts and the content model;
 * the rules applied as an item is saved (cms/rules.ts); and what the build writes for it.
 * The CMS driven in a browser is test/full/cms-browser.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { CmsCollection, CmsField } from 'decap-cms-core';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { cmsConfig, editorSettings, fileSlug, renderCmsConfig, type CmsConfigOptions } from '../cms/config.ts';
import { decapFolder } from '../cms/decap.ts';
import { decapFileName, itemIdFor, savingProblems } from '../cms/rules.ts';
import { defaultStreams, resolveConfig, type NewsConfig, type NewsConfigInput } from '../lib/config.ts';
import { checkFrontMatter, knownFields } from '../lib/content/front-matter.ts';
import { defaultItemId } from '../lib/ids.ts';
import { slugify } from '../lib/slug.ts';
import newsConfig from '../news.config.ts';
import { headerRules } from '../site/headers.ts';
import { routes } from '../site/outputs.ts';
import { readHead, readPage } from './helpers/html.ts';
import { configProblems, sharedSite, type BuiltSite } from './helpers/site.ts';
import { suite } from './helpers/suite.ts';

const shipped = resolveConfig(newsConfig);
const cms = shipped.cms as NonNullable<NewsConfig['cms']>;
const options: CmsConfigOptions = { cms, contentDir: 'content' };
const collections = (config: NewsConfig = shipped, given = options) => cmsConfig(config, given).collections;
const fieldsOf = (collection: CmsCollection | undefined) => collection?.fields ?? [];
const field = (collection: CmsCollection | undefined, name: string) => fieldsOf(collection).find((f) => f.name === name) as CmsField & Record<string, unknown>;

const configuration = suite('the CMS configuration');

configuration('has one collection per configured stream, in content/<stream>/<year>/, uploads in content/files/', () => {
  assert.equal(collections().map((c) => [c.name, c.label, c.folder, c.path, c.slug, c.extension, c.format, c.media_folder, c.public_folder, c.create]),
    defaultStreams.map((s) => [s.slug, s.title, `content/${s.slug}`, '{{year}}/{{slug}}', '{{slug}}', 'md', 'yaml-frontmatter', '/content/files', '/files', true]));
  const config = cmsConfig(shipped, options);
  assert.equal([config.media_folder, config.public_folder, config.slug], ['content/files', '/files', fileSlug]);
  assert.equal(collections().map((c) => c.preview_path), defaultStreams.map((s) => `${s.slug}/{{year}}/{{filename}}/`));
});

configuration('a fifth stream added by configuration alone is a fifth collection, and every other stream offers it', () => {
  const fifth = { slug: 'mental-health', title: 'Mental health', description: 'Technology-enabled care for mental health.' };
  const config = resolveConfig({ ...newsConfig, streams: [...defaultStreams, fifth] });
  const made = collections(config);
  assert.equal(made.map((c) => c.folder), [...defaultStreams, fifth].map((s) => `content/${s.slug}`));
  assert.equal(made.at(-1)?.label, 'Mental health');
  assert.equal(field(made[0], 'streams').options, ['pathfinder', 'social-care', 'public-health', 'mental-health'].map((slug) => ({ label: config.streams.find((s) => s.slug === slug)?.title, value: slug })));
  assert.equal(Object.keys(editorSettings(config, '/assets/site.css').streams), [...defaultStreams, fifth].map((s) => s.slug));
});

configuration('has a widget for every field of the content model, in its order, then the body; the model\'s required fields are required', () => {
  for (const collection of collections()) {
    assert.equal(fieldsOf(collection).map((f) => f.name), [...knownFields, 'body']);
    assert.equal(fieldsOf(collection).filter((f) => f.required).map((f) => f.name), ['title', 'date', 'body']);
  }
  const [industry] = collections();
  const widget = (name: string) => field(industry, name).widget;
  assert.equal(knownFields.map((name) => [name, widget(name)]), [
    ['title', 'string'], ['date', 'datetime'], ['updated', 'datetime'], ['streams', 'select'], ['summary', 'text'], ['tags', 'list'],
    ['authors', 'list'], ['organisation', 'string'], ['region', 'string'], ['link', 'string'], ['attachments', 'list'],
    ['image', 'image'], ['imageAlt', 'string'], ['draft', 'boolean'], ['id', 'hidden'],
  ]);
});

configuration('holds the rules widgets can: days as YYYY-MM-DD, a new item dated today and a draft, streams chosen, lists, files uploaded', () => {
  const [industry] = collections();
  for (const name of ['date', 'updated']) assert.equal([field(industry, name).date_format, field(industry, name).time_format], ['YYYY-MM-DD', false]);
  assert.is(field(industry, 'date').default, '{{now}}');
  assert.is(field(industry, 'updated').default, undefined);
  assert.is(field(industry, 'draft').default, true);
  assert.equal([field(industry, 'streams').multiple, (field(industry, 'streams').options as { value: string }[]).map((o) => o.value)], [true, ['pathfinder', 'social-care', 'public-health']]);
  assert.is(field(industry, 'tags').fields, undefined);
  const sub = (name: string) => (field(industry, name).fields as (CmsField & Record<string, unknown>)[]).map((f) => [f.name, f.widget, f.required]);
  assert.equal(sub('authors'), [['name', 'string', true], ['email', 'string', false], ['url', 'string', false]]);
  assert.equal(sub('attachments'), [['url', 'file', true], ['title', 'string', false]]);
  assert.is(field(industry, 'image').choose_url, false);
  const [pattern] = field(industry, 'link').pattern as [string, string];
  assert.equal(['https://www.example.org/news?id=1', 'http://example.org', 'www.example.org', '/files/x.pdf', 'https://'].map((url) => new RegExp(pattern).test(url)), [true, true, false, false, false]);
});

configuration('names decap-server only in the dev server\'s configuration, and the production backend always', () => {
  assert.is(cmsConfig(shipped, options).local_backend, undefined);
  assert.equal(cmsConfig(shipped, { ...options, localBackend: 'http://127.0.0.1:8081/api/v1' }).local_backend, { url: 'http://127.0.0.1:8081/api/v1' });
  assert.equal(cmsConfig(shipped, options).backend, { name: 'github', repo: '3millionlives/3ml-news', branch: 'main' });
  const gateway = resolveConfig({ ...newsConfig, cms: { backend: { name: 'git-gateway' } } });
  assert.equal(cmsConfig(gateway, { ...options, cms: gateway.cms as NonNullable<NewsConfig['cms']> }).backend, { name: 'git-gateway', branch: 'main' });
});

configuration('is written as YAML that reads back as the configuration, saying where it comes from', () => {
  const yaml = renderCmsConfig(shipped, options);
  assert.match(yaml, /^# Made by the build from news\.config\.ts/);
  assert.equal(parse(yaml), JSON.parse(JSON.stringify(cmsConfig(shipped, options))));
  assert.not.match(yaml, /[&*]a\d/);
});

configuration('refuses a CMS backend it cannot use, naming the option', () => {
  const problems = (cmsInput: NewsConfigInput['cms']) => configProblems({ ...newsConfig, cms: cmsInput });
  assert.equal(problems({ backend: { name: 'github', repo: '3ml-news', baseUrl: 'api.netlify.com' } }), [
    'news.config.ts: cms.backend.repo: "3ml-news" is not a GitHub repository (write it as owner/name, e.g. "3millionlives/3ml-news")',
    'news.config.ts: cms.backend.baseUrl: "api.netlify.com" is not an http(s) origin (write the OAuth endpoint\'s origin, e.g. https://api.netlify.com, or leave it out for that one)',
  ]);
  assert.equal(problems({ backend: { name: 'gitlab' } as never }), ['news.config.ts: cms.backend.name: "gitlab" is not a backend the CMS is set up for (write "github", or "git-gateway" on Netlify)']);
});

configuration.run();

const rules = suite('the rules applied as an item is saved in the CMS');

const settings = editorSettings(shipped, '/assets/site.css');
const now = new Date('2026-12-07T10:00:00Z');

rules('name files as Decap does, and refuse a title Decap can make no file name of', () => {
  assert.equal(['Care Act: "wellbeing" & #prevention — Café 2014', 'Tromsø, Æsop and Straße', 'Carers\' week 2.0'].map((title) => decapFileName(title, fileSlug)),
    ['care-act-wellbeing-prevention-cafe-2014', 'tromso-aesop-and-strasse', 'carers-week-2-0']);
  assert.equal(savingProblems({ title: '健康', date: '2026-12-07' }, settings, true, now), ['The item\'s file is named after its title, so "Title" needs a letter or a digit from A to Z or 0 to 9.']);
  assert.equal(savingProblems({ title: '健康', date: '2026-12-07' }, settings, false, now), []);
});

rules('write the id the build would give the item, from its file name and publication day', () => {
  const id = (fileName: string, date: string | Date) => itemIdFor(settings, 'pathfinder', fileName, date);
  assert.is(id('worcester-business-case', '2013-05-21'), defaultItemId('3millionlives.co.uk', '2013-05-21', 'pathfinder', 'worcester-business-case'));
  assert.is(id('foo_bar', '2013-05-21T23:30'), 'tag:3millionlives.co.uk,2013-05-21:pathfinder/foo-bar');
  assert.is(id('late', new Date('2013-06-21T23:30:00Z')), 'tag:3millionlives.co.uk,2013-06-22:pathfinder/late');
  assert.is(id('x', 'not a date'), undefined);
  assert.is(slugify('foo_bar'), 'foo-bar');
});

rules('refuse an update before the publication day and a lead image without its description, in the form\'s words', () => {
  assert.equal(savingProblems({ title: 'A', date: '2026-12-07', updated: '2026-12-01', image: '/files/a.png' }, settings, true, now), [
    '"Last substantive change" (2026-12-01) is before the "Publication date" (2026-12-07): set it to that day or later, or clear it.',
    'Describe the lead image in "Image description", for people who cannot see it.',
  ]);
  assert.equal(savingProblems({ title: 'A', date: '2026-12-07', updated: '2026-12-07T09:00', image: '/files/a.png', imageAlt: 'A map' }, settings, true, now), []);
});

rules('refuse to publish an item dated ahead where npm run check would, and let a draft wait', () => {
  const ahead = (date: string, draft = false) => savingProblems({ title: 'A', date, draft }, settings, true, now).length > 0;
  assert.equal([ahead('2026-12-07'), ahead('2026-12-08'), ahead('2026-12-09'), ahead('2027-01-01', true)], [false, false, true, false]);
  assert.equal(savingProblems({ title: 'A', date: '2026-12-09' }, settings, true, now), ['"Publication date" (2026-12-09) is too far ahead to publish now: turn on "Draft" until the day comes.']);
  // Whatever the hour, a day the CMS lets through is one the check lets through.
  for (let hour = 0; hour < 24; hour++) {
    const clock = new Date(Date.UTC(2026, 11, 7, hour, 30));
    for (const date of ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-08T23:59']) {
      if (savingProblems({ title: 'A', date }, settings, true, clock).length > 0) continue;
      const checked = checkFrontMatter({ title: 'A', date }, { file: 'a.md', lines: new Map(), streams: ['pathfinder'], now: clock, timeZone: 'Europe/London', language: 'en-GB', futureAllowanceHours: 36, filesUrlPath: '/files/', filesDir: 'content/files', fileSize: () => undefined });
      assert.equal(checked.problems, [], `${date} at ${clock.toISOString()}`);
    }
  }
});

rules.run();

const built = suite('what the build writes for the CMS', {} as { site?: BuiltSite });

built.before(async (context) => {
  context.site = await sharedSite();
});

const dirOf = (context: { site?: BuiltSite }) => (context.site as BuiltSite).dir;

built('/admin/ asks not to be indexed, in its head and its headers, and is not in the sitemap', (context) => {
  assert.equal([routes.admin.noindex, routes.admin.sitemap, routes.admin.search], [true, false, false]);
  assert.is(readHead(readPage(dirOf(context), '/admin/')).robots, 'noindex');
  assert.not.match(readFileSync(path.join(dirOf(context), 'sitemap.xml'), 'utf8'), /\/admin\//);
  const rule = headerRules(shipped).find((r) => r.patterns.includes('/admin/'));
  assert.equal(rule?.headers.map((h) => h.name), ['Content-Security-Policy', 'Permissions-Policy', 'X-Robots-Tag']);
  assert.is(rule?.headers[2]?.value, 'noindex');
});

built('/admin/ has a policy of its own, which allows eval, inline styles and GitHub\'s API there and nowhere else', (context) => {
  const headers = readFileSync(path.join(dirOf(context), '_headers'), 'utf8');
  const policies = [...headers.matchAll(/^(\/\S*)\n(?: {2}.*\n)*? {2}Content-Security-Policy: (.*)$/gm)].map((m) => [m[1], m[2]]);
  assert.equal(policies.find(([pattern]) => pattern === '/admin/')?.[1],
    "default-src 'none'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: https://avatars.githubusercontent.com; connect-src 'self' blob: https://api.github.com https://www.githubstatus.com; base-uri 'self'; form-action 'none'; frame-ancestors 'none'; object-src 'none'");
  assert.equal(policies.filter(([, policy]) => /'unsafe-eval'|api\.github\.com/.test(policy ?? '')).map(([pattern]) => pattern), ['/admin/']);
  assert.not.match(headers, /^\/admin\/\*/m);
});

built('/admin/ loads Decap\'s bundle as the package ships it, then the editor script, and its configuration is the one made for it', (context) => {
  const dir = dirOf(context);
  const page = readFileSync(path.join(dir, 'admin', 'index.html'), 'utf8');
  assert.equal([...page.matchAll(/<script src="([^"]+)"><\/script>/g)].map((m) => m[1]), ['/admin/decap/decap-cms.js', '/admin/editor.js']);
  assert.match(page, /<link rel="cms-config-url" href="\/admin\/config.yml" type="text\/yaml">/);
  assert.equal(readFileSync(path.join(dir, 'admin', 'decap', 'decap-cms.js')), readFileSync(path.join(decapFolder, 'decap-cms.js')));
  const shippedFiles = readdirSync(path.join(dir, 'admin', 'decap'));
  assert.equal(shippedFiles.filter((name) => !/^(?:\d+\.)?decap-cms\.js(?:\.LICENSE\.txt)?$/.test(name)), []);
  assert.equal(shippedFiles.length, readdirSync(decapFolder).filter((name) => /^\d+\.decap-cms\.js$/.test(name)).length + 2);
  assert.equal(parse(readFileSync(path.join(dir, 'admin', 'config.yml'), 'utf8')), JSON.parse(JSON.stringify(cmsConfig(shipped, options))));
  for (const collection of collections()) assert.ok(existsSync(collection.folder as string), `${collection.folder} exists`);
  const script = readFileSync(path.join(dir, 'admin', 'editor.js'), 'utf8');
  assert.match(script, /registerEventListener/);
  assert.match(script, /"idAuthority": "3millionlives\.co\.uk"|idAuthority: "3millionlives\.co\.uk"/);
});

built('the declarations and the rules come from the Decap that the bundle was made from', () => {
  const require = createRequire(import.meta.url);
  const app = require('decap-cms-app/package.json') as { dependencies: Record<string, string> };
  const core = require('decap-cms-core/package.json') as { version: string };
  assert.is(core.version, app.dependencies['decap-cms-core']);
});

built.run();
