import * as assert from 'uvu/assert';
import { resolveConfig } from '../lib/config.ts';
import newsConfig from '../news.config.ts';
import { headerRules, renderHeadersFile, renderNginx } from '../site/headers.ts';
import { site as feedSite, origin } from './helpers/feed-content.ts';
import { renderAll } from './helpers/feeds.ts';
import { configAt, configProblems, sharedSite } from './helpers/site.ts';
import { headersFor, parseHeadersFile, serveStatic } from './helpers/static-server.ts';
import { suite } from './helpers/suite.ts';

const hub = 'https://hub.example.org/';
const otherHub = 'https://push.example.net/hub';

const configuration = suite('naming a WebSub hub');

configuration('no hub named, WebSub is off; the shipped configuration names Google\'s public hub', () => {
  assert.equal(resolveConfig({ site: { origin } }).websub, { hubs: [] });
  assert.equal(resolveConfig(newsConfig).websub, { hubs: ['https://pubsubhubbub.appspot.com/'] });
  assert.equal(resolveConfig({ site: { origin }, websub: { hubs: ['https://hub.example.org', otherHub] } }).websub.hubs, [hub, otherHub]);
});

configuration('a hub that is not an http(s) URL, or is named twice, is an error naming the field', () => {
  assert.equal(configProblems({ site: { origin }, websub: { hubs: ['ftp://hub.example.org/', hub, 'hub.example.org', 'https://hub.example.org'] } }), [
    'news.config.ts: websub.hubs.0: "ftp://hub.example.org/" is not an http(s) URL, so no hub could be told that a feed changed (write the hub\'s address, e.g. https://pubsubhubbub.appspot.com/, or leave websub out to switch WebSub off)',
    'news.config.ts: websub.hubs.2: "hub.example.org" is not an http(s) URL, so no hub could be told that a feed changed (write the hub\'s address, e.g. https://pubsubhubbub.appspot.com/, or leave websub out to switch WebSub off)',
    'news.config.ts: websub.hubs.3: "https://hub.example.org" is named twice (name each hub once)',
  ]);
});

configuration.run();

const feeds = suite('hub links in the feeds');

feeds('every subscription feed names each hub and itself, in every format; no archive names a hub', async () => {
  const news = await feedSite({ config: { websub: { hubs: [hub, otherHub] } } });
  const rendered = renderAll(news);
  const subscriptions = news.documents.filter((d) => d.archive === undefined);
  const archives = news.documents.filter((d) => d.archive !== undefined);
  assert.is(subscriptions.length, 3 * news.channels.length);
  assert.ok(archives.length > 0);
  for (const doc of subscriptions) {
    const text = rendered.get(doc.path) ?? '';
    const self = `${origin}${doc.path}`;
    if (doc.format === 'json') {
      const feed = JSON.parse(text) as { feed_url: string; hubs: unknown };
      assert.equal([feed.feed_url, feed.hubs], [self, [{ type: 'WebSub', url: hub }, { type: 'WebSub', url: otherHub }]], doc.path);
    } else {
      const link = doc.format === 'rss' ? 'atom:link' : 'link';
      const links = text.split('\n').filter((line) => line.startsWith(`<${link} rel="self"`) || line.startsWith(`<${link} rel="hub"`));
      assert.equal(links, [
        `<${link} rel="self" type="application/${doc.format}+xml" href="${self}"/>`,
        `<${link} rel="hub" href="${hub}"/>`,
        `<${link} rel="hub" href="${otherHub}"/>`,
      ], doc.path);
    }
  }
  for (const doc of archives) assert.not.match(rendered.get(doc.path) ?? '', /rel="hub"|"hubs"/, doc.path);
});

feeds('with no hub, the feeds are exactly as before: the same bytes without the hub links', async () => {
  const without = renderAll(await feedSite());
  const withHub = renderAll(await feedSite({ config: { websub: { hubs: [hub] } } }));
  assert.equal([...withHub.keys()], [...without.keys()]);
  for (const [docPath, text] of withHub) {
    const removed = text.replace(`\n<atom:link rel="hub" href="${hub}"/>`, '').replace(`\n<link rel="hub" href="${hub}"/>`, '').replace(`,"hubs":[{"type":"WebSub","url":"${hub}"}]`, '');
    assert.is(removed, without.get(docPath), docPath);
  }
});

feeds.run();

const headers = suite('hub links in the response headers');

/** The headers `_headers` gives a request for `requestPath`, as Cloudflare Pages applies them. */
function served(config: ReturnType<typeof resolveConfig>, requestPath: string): Record<string, string> {
  return headersFor(parseHeadersFile(renderHeadersFile(headerRules(config))), requestPath);
}

headers('each subscription feed path gets one Link header naming the hubs and its own absolute URL; archives and pages none', () => {
  const config = configAt();
  const link = (feedPath: string) => `<https://pubsubhubbub.appspot.com/>; rel="hub", <https://news.3millionlives.co.uk${feedPath}>; rel="self"`;
  for (const feedPath of ['/rss.xml', '/atom.xml', '/industry/rss.xml', '/social-care/atom.xml', '/tags/telehealth/rss.xml', '/tags/telehealth/atom.xml']) {
    assert.is(served(config, feedPath).link, link(feedPath), feedPath);
  }
  for (const feedPath of ['/feed.json', '/public-health/feed.json', '/tags/telecare/feed.json']) {
    const got = served(config, feedPath);
    assert.equal([got.link, got['access-control-allow-origin'], got['content-type']], [link(feedPath), '*', 'application/feed+json; charset=utf-8'], feedPath);
  }
  for (const other of ['/feed/archive/1/rss.xml', '/industry/feed/archive/2/feed.json', '/tags/telehealth/feed/archive/1/atom.xml', '/', '/industry/', '/feeds.opml', '/assets/site.css']) {
    assert.is(served(config, other).link, undefined, other);
  }
});

headers('under a path prefix, the rules and the self address carry it', () => {
  const config = configAt({ origin: 'https://www.example.org', pathPrefix: '/news/' });
  const file = renderHeadersFile(headerRules(config));
  assert.match(file, '\n/news/tags/:tag/rss.xml\n  Link: <https://pubsubhubbub.appspot.com/>; rel="hub", <https://www.example.org/news/tags/:tag/rss.xml>; rel="self"\n');
  assert.is(served(config, '/news/tags/telecare/feed.json').link, '<https://pubsubhubbub.appspot.com/>; rel="hub", <https://www.example.org/news/tags/telecare/feed.json>; rel="self"');
});

headers('nginx answers from one location per request, so the subscription JSON Feeds get CORS and Link in one', () => {
  const nginx = renderNginx(headerRules(configAt()));
  const locations = [...nginx.matchAll(/^location ~ \^\(\?:(.*)\)\$ \{\n((?: {4}.*\n)*)\}/gm)].map((m) => ({ patterns: (m[1] ?? '').split('|'), body: m[2] ?? '' }));
  const all = locations.flatMap((l) => l.patterns);
  assert.equal(all.length, new Set(all).size, 'a pattern in two locations');
  const json = locations.find((l) => l.patterns.includes('/industry/feed\\.json'));
  assert.match(json?.body ?? '', 'add_header Access-Control-Allow-Origin "*" always;\n');
  assert.match(json?.body ?? '', 'add_header Link "<https://pubsubhubbub.appspot.com/>; rel=\\"hub\\", <https://news.3millionlives.co.uk$uri>; rel=\\"self\\"" always;\n');
  const archive = locations.find((l) => l.patterns.includes('/industry/feed/archive/[^/]+/feed\\.json'));
  assert.not.match(archive?.body ?? '', 'Link');
});

headers('with no hub, there is no Link rule', () => {
  const config = resolveConfig({ site: { origin } });
  assert.not.match(renderHeadersFile(headerRules(config)), 'Link');
  assert.is(served(config, '/rss.xml').link, undefined);
});

headers('the built site serves its feeds naming the hub, in the body and in the Link header', async () => {
  const built = await sharedSite();
  const server = await serveStatic({ root: built.dir });
  try {
    for (const feedPath of ['rss.xml', 'atom.xml', 'feed.json', 'tags/telehealth/rss.xml']) {
      const response = await fetch(`${server.url}${feedPath}`);
      const body = await response.text();
      assert.is(response.headers.get('link'), `<https://pubsubhubbub.appspot.com/>; rel="hub", <https://news.3millionlives.co.uk/${feedPath}>; rel="self"`);
      assert.match(body, feedPath.endsWith('.json') ? '"hubs":[{"type":"WebSub","url":"https://pubsubhubbub.appspot.com/"}]' : 'rel="hub" href="https://pubsubhubbub.appspot.com/"/>');
    }
  } finally {
    await server.close();
  }
});

headers.run();
