/**
 * The built site as files: what each page type says in its head and shows in its main
 * content, sitemap.xml, robots.txt, the search records and the build's summary. One build
 * of the shipped content, shared with the other site tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { suite } from './helpers/suite.ts';
import * as assert from 'uvu/assert';
import { authorType } from '../layouts/meta.ts';
import { manifestFile, readManifest } from '../site/write.ts';
import { element, elements, readHead, readPage, text, withClass, type HtmlElement } from './helpers/html.ts';
import { sharedSite, type BuiltSite } from './helpers/site.ts';

const origin = 'https://news.3millionlives.co.uk';
const siteDescription = 'News from the 3millionlives programme: industry, pathfinder sites, social care and public health, in one stream.';

/** Autodiscovery links of a channel, as `readHead` lists them. */
function feedsOf(name: string, sitePath: string): string[] {
  return [
    `application/rss+xml ${name} (RSS 2.0) ${origin}${sitePath}rss.xml`,
    `application/atom+xml ${name} (Atom 1.0) ${origin}${sitePath}atom.xml`,
    `application/feed+json ${name} (JSON Feed 1.1) ${origin}${sitePath}feed.json`,
  ];
}
const allFeeds = feedsOf('3ML News', '/');

/** Every page type: its path, its own title (the tab adds the site's name), description and feeds. */
const pageTypes: { name: string; path: string; title: string; description: string; feeds: string[]; type?: string }[] = [
  { name: 'home', path: '/', title: 'Latest news', description: siteDescription, feeds: allFeeds },
  { name: 'page 2', path: '/page/2/', title: 'Latest news, page 2 of 3', description: siteDescription, feeds: allFeeds },
  {
    name: 'stream', path: '/pathfinder/', title: 'Pathfinder sites',
    description: 'Updates and business cases from the local areas rolling out technology-enabled care at scale.',
    feeds: [...feedsOf('3ML News: Pathfinder sites', '/pathfinder/'), ...allFeeds],
  },
  {
    name: 'tag', path: '/tags/telehealth/', title: 'Tagged “telehealth”', description: 'News tagged “telehealth” from 3ML News.',
    feeds: [...feedsOf('3ML News: telehealth', '/tags/telehealth/'), ...allFeeds],
  },
  { name: 'tags', path: '/tags/', title: 'Tags', description: 'Every tag used in 3ML News, with the number of items for each.', feeds: allFeeds },
  {
    name: 'item with attachments', path: '/pathfinder/2013/worcester-business-case/', type: 'article',
    title: 'Worcestershire pathfinder: the business case for telehealth at scale',
    description: 'How the Worcestershire pathfinder has made the case for buying telehealth as a service, with suppliers sharing the risk, and what other areas can learn from it.',
    feeds: [...feedsOf('3ML News: Pathfinder sites', '/pathfinder/'), ...allFeeds],
  },
  {
    name: 'link post', path: '/industry/2012/bmj-telehealth-outcomes/', type: 'article', title: 'BMJ publishes Whole System Demonstrator telehealth results',
    description: 'The first full peer-reviewed paper from the Whole System Demonstrator telehealth trial has been published online by the BMJ: Steventon A and colleagues, “Effect of telehealth on use of secondary care…',
    feeds: [...feedsOf('3ML News: Industry', '/industry/'), ...allFeeds],
  },
  { name: 'archive', path: '/archive/', title: 'Archive', description: 'Every item in 3ML News, year by year.', feeds: allFeeds },
  { name: 'year', path: '/archive/2013/', title: 'News from 2013', description: 'The 23 items 3ML News published in 2013.', feeds: allFeeds },
  { name: 'feeds', path: '/feeds/', title: 'Feeds', description: 'Every feed 3ML News publishes: the whole stream, each stream and each tag, in RSS, Atom and JSON Feed.', feeds: allFeeds },
  {
    name: 'feed preview', path: '/industry/feed/', title: 'Industry: feeds', description: 'Subscribe to 3ML News: Industry in a feed reader: RSS, Atom and JSON Feed.',
    feeds: [...feedsOf('3ML News: Industry', '/industry/'), ...allFeeds],
  },
  { name: 'about', path: '/about/', title: 'About 3ML News', description: 'What 3ML News is: the 3millionlives programme\'s news in one place, and how it is organised.', feeds: allFeeds },
  { name: 'partner sources', path: '/sources/', title: 'Partner sources', description: 'The partner feeds 3ML News gathers, and when each was last fetched.', feeds: allFeeds },
  { name: 'embed our news', path: '/embed/', title: 'Embed our news', description: 'Show the latest news from 3ML News, or one stream or tag of it, on your own website.', feeds: allFeeds },
  { name: 'search', path: '/search/', title: 'Search', description: 'Search every item in 3ML News, partners\' news included.', feeds: allFeeds },
];

const pages = suite<{ site?: BuiltSite }>('the pages of the built site');

pages.before(async (context) => {
  context.site = await sharedSite();
});

const dirOf = (context: { site?: BuiltSite }) => (context.site as BuiltSite).dir;

for (const page of pageTypes) {
  pages(`the ${page.name} page's head has its title, description, canonical URL, feeds and Open Graph tags`, (context) => {
    const url = origin + page.path;
    assert.equal(readHead(readPage(dirOf(context), page.path)), {
      title: page.path === '/' ? `3ML News: ${page.title}` : `${page.title} – 3ML News`,
      description: page.description,
      canonical: url,
      robots: undefined,
      icon: '/assets/icon.svg',
      feeds: page.feeds,
      openGraph: {
        'og:site_name': '3ML News',
        'og:title': page.title,
        'og:description': page.description,
        'og:url': url,
        'og:type': page.type ?? 'website',
        'og:locale': 'en_GB',
      },
    });
  });
}

pages('404.html asks not to be indexed and names no canonical URL, since hosts serve it at any address', (context) => {
  assert.equal(readHead(readPage(dirOf(context), '/404.html')), {
    title: 'Page not found – 3ML News',
    description: 'The page you asked for is not here.',
    canonical: undefined,
    robots: 'noindex',
    icon: '/assets/icon.svg',
    feeds: allFeeds,
    openGraph: {
      'og:site_name': '3ML News',
      'og:title': 'Page not found',
      'og:description': 'The page you asked for is not here.',
      'og:type': 'website',
      'og:locale': 'en_GB',
    },
  });
});

pages('an embed frame has a description and the icon, and asks not to be indexed (no canonical, Open Graph or feeds: it is a fragment)', (context) => {
  assert.equal(readHead(readPage(dirOf(context), '/embed/frame/tags/telehealth/')), {
    title: 'telehealth: latest news from 3ML News',
    description: 'The latest items from telehealth in 3ML News, for showing on partners\' pages.',
    canonical: undefined,
    robots: 'noindex',
    icon: '/assets/icon.svg',
    feeds: [],
    openGraph: {},
  });
});

/** The NewsArticle data of an item page, parsed. */
function readArticle(dir: string, sitePath: string): unknown {
  const scripts = elements(readPage(dir, sitePath), 'script', { type: 'application/ld+json' });
  assert.is(scripts.length, 1, `${sitePath} has one JSON-LD script`);
  return JSON.parse(DomUtils.textContent(scripts[0] as HtmlElement));
}

const publisher = { '@type': 'Organization', name: '3ML News', url: `${origin}/` };

pages('an item page carries schema.org NewsArticle data: dates, sections, keywords, authors, publisher and source', (context) => {
  const url = `${origin}/pathfinder/2013/worcester-business-case/`;
  assert.equal(readArticle(dirOf(context), '/pathfinder/2013/worcester-business-case/'), {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: 'Worcestershire pathfinder: the business case for telehealth at scale',
    description: 'How the Worcestershire pathfinder has made the case for buying telehealth as a service, with suppliers sharing the risk, and what other areas can learn from it.',
    datePublished: '2013-05-21T11:13:07Z',
    dateModified: '2013-10-10T10:15:00Z',
    mainEntityOfPage: url,
    url,
    inLanguage: 'en-GB',
    articleSection: ['Pathfinder sites'],
    keywords: ['pathfinder', 'business case', 'telehealth', 'commissioning'],
    author: [
      { '@type': 'Organization', name: 'Pathfinder support team' },
      { '@type': 'Organization', name: '3ML News editorial team', url: `${origin}/` },
    ],
    publisher,
    sourceOrganization: { '@type': 'Organization', name: '3millionlives' },
  });
});

pages('a link post\'s NewsArticle data names what it is based on, and an item with a lead image names the image', (context) => {
  const linkPost = readArticle(dirOf(context), '/industry/2012/bmj-telehealth-outcomes/') as Record<string, unknown>;
  assert.is(linkPost.isBasedOn, 'https://www.bmj.com/content/344/bmj.e3874');
  assert.equal(linkPost.articleSection, ['Industry', 'Public health']);
  assert.equal(linkPost.author, [{ '@type': 'Organization', name: 'Evidence and evaluation team' }]);
  const withImage = readArticle(dirOf(context), '/industry/2014/tecs-programme/') as Record<string, unknown>;
  assert.is(withImage.image, `${origin}/files/images/tecs-connected-home.svg`);
});

pages('authors are typed Person only when the name looks like a person\'s; teams and bodies are Organization', () => {
  const typed = (names: string[]) => names.map((name) => authorType({ name }));
  assert.equal(typed(['Ann Author', 'Sam Patel', 'Dr Jane O\'Neil', 'Ludwig van Beethoven']), ['Person', 'Person', 'Person', 'Person']);
  assert.equal(
    typed(['Pathfinder support team', '3ML News editorial team', 'Programme Office', 'Public Health England', 'NHS England', 'BMJ', 'Westvale Council', 'Kent pathfinder team']),
    ['Organization', 'Organization', 'Organization', 'Organization', 'Organization', 'Organization', 'Organization', 'Organization'],
  );
});

/** An item page's details list as term → text pairs. */
function readDetails(main: HtmlElement): [string, string][] {
  const list = withClass(main, 'details')[0] as HtmlElement;
  return elements(list, 'dt').map((dt) => [text(dt), text(DomUtils.nextElementSibling(dt) as HtmlElement)]);
}

pages('an item page shows its dates, streams, organisation, region, authors, tags and attachments with type and size', (context) => {
  const main = element(readPage(dirOf(context), '/pathfinder/2013/worcester-business-case/'), 'main');
  assert.is(text(withClass(element(main, 'header'), 'meta')[0] as HtmlElement), 'Published 21 May 2013, updated 10 October 2013, 11:15');
  assert.equal(elements(element(main, 'header'), 'time').map((t) => t.attribs.datetime), ['2013-05-21T11:13:07Z', '2013-10-10T10:15:00Z']);
  assert.equal(readDetails(main), [
    ['Stream', 'Pathfinder sites'],
    ['Organisation', '3millionlives'],
    ['Region', 'West Midlands'],
    ['Authors', 'Pathfinder support team, 3ML News editorial team'],
    ['Tags', 'pathfinder, business case, telehealth, commissioning'],
  ]);
  const attachments = withClass(main, 'attachments')[0] as HtmlElement;
  // The title already ends in "(PDF)", so the kind is not said twice.
  assert.equal(elements(attachments, 'li').map(text), ['Worcestershire telehealth business case: summary (PDF) (1 KB)']);
  assert.equal(elements(attachments, 'a').map((a) => a.attribs.href), ['/files/worcestershire-telehealth-business-case.pdf']);
});

pages('an item page lists related items and links to the older and newer items of its stream', (context) => {
  const main = element(readPage(dirOf(context), '/pathfinder/2013/worcester-business-case/'), 'main');
  const related = withClass(main, 'item-list')[0] as HtmlElement;
  assert.equal(elements(related, 'h3').map((h) => element(h, 'a').attribs.href), [
    '/pathfinder/2013/lessons-learned/',
    '/pathfinder/2014/integrated-care-pioneers/',
    '/pathfinder/2013/progress-update/',
  ]);
  const neighbours = withClass(main, 'neighbours')[0] as HtmlElement;
  // Each link: its label line, then the title on a line of its own.
  const lines = (a: HtmlElement) => a.children.map((node) => DomUtils.textContent(node).trim()).filter((line) => line !== '');
  assert.equal(elements(neighbours, 'a').map((a) => [a.attribs.rel, a.attribs.href, ...lines(a)]), [
    ['prev', '/pathfinder/2013/from-demonstrator-to-pathfinder/', 'Older in Pathfinder sites', 'From demonstrator to pathfinder: building on Whole System Demonstrator experience'],
    ['next', '/pathfinder/2013/progress-update/', 'Newer in Pathfinder sites', 'Pathfinder progress update: spring 2013'],
  ]);
});

pages('a link post says where the news lives, with the arrow kept to the host name', (context) => {
  const main = element(readPage(dirOf(context), '/industry/2012/bmj-telehealth-outcomes/'), 'main');
  const box = withClass(main, 'link-post')[0] as HtmlElement;
  assert.is(text(box), 'This item is a link to news published elsewhere. Read it on bmj.com\u00a0↗');
  assert.is(element(box, 'a').attribs.href, 'https://www.bmj.com/content/344/bmj.e3874');
});

/** The listing's item links and its pager: [rel, href, text] of each pager link, and the pager's text. */
function readListing(dir: string, sitePath: string) {
  const main = element(readPage(dir, sitePath), 'main');
  const pager = elements(main, 'nav', { 'aria-label': 'Pages' })[0];
  return {
    items: elements(element(main, 'ol'), 'li').length,
    pager: pager && { links: elements(pager, 'a').map((a) => [a.attribs.rel, a.attribs.href, text(a)]), text: text(pager) },
  };
}

pages('the integrated stream is paged: page 2 links both ways, the last page only back, a one-page stream has no pager', (context) => {
  assert.equal(readListing(dirOf(context), '/'), { items: 20, pager: { links: [['next', '/page/2/', 'Older items →']], text: 'Page 1 of 3 Older items →' } });
  assert.equal(readListing(dirOf(context), '/page/2/'), {
    items: 20,
    pager: { links: [['prev', '/', '← Newer items'], ['next', '/page/3/', 'Older items →']], text: '← Newer items Page 2 of 3 Older items →' },
  });
  assert.equal(readListing(dirOf(context), '/page/3/'), { items: 18, pager: { links: [['prev', '/page/2/', '← Newer items']], text: '← Newer items Page 3 of 3' } });
  assert.equal(readListing(dirOf(context), '/industry/'), { items: 18, pager: undefined });
});

pages('lists mark partner items with the host they link to, and their titles lead to the original', (context) => {
  const main = element(readPage(dirOf(context), '/public-health/'), 'main');
  const entry = withClass(main, 'item-summary').find((li) => text(li).includes('Video calls with your nurse')) as HtmlElement;
  assert.is(element(element(entry, 'h2'), 'a').attribs.href, 'https://healthy-communities.example.org/blog/video-calls-at-the-library');
  assert.is(text(withClass(entry, 'link-out')[0] as HtmlElement), 'Links to healthy-communities.example.org\u00a0↗');
});

pages('the archive draws items per stream per year as a chart with a text alternative and a table of the figures', (context) => {
  const main = element(readPage(dirOf(context), '/archive/'), 'main');
  const svg = element(main, 'svg', { role: 'img' });
  assert.is(svg.attribs.role, 'img');
  assert.is(svg.attribs['aria-labelledby'], 'chart-title chart-desc');
  assert.is(svg.attribs.viewBox, undefined, 'no viewBox: the labels keep their size on narrow screens');
  assert.is(text(element(svg, 'title', { id: 'chart-title' })), 'Items per stream per year');
  assert.is(
    text(element(svg, 'desc', { id: 'chart-desc' })),
    'Items published each year by stream, from 2011 to 2014. The busiest year was 2013, with 23 items. The table below gives the figures.',
  );
  // One bar per year, a segment per stream with items, widths in percent of a 25-item scale.
  assert.equal(elements(svg, 'g').map((g) => [text(element(g, 'text')), elements(g, 'rect').map((r) => r.attribs.width)]), [
    ['2011: 7 items', ['8%', '4%', '8%', '8%']],
    ['2012: 16 items', ['20%', '16%', '16%', '12%']],
    ['2013: 23 items', ['20%', '28%', '20%', '24%']],
    ['2014: 12 items', ['12%', '16%', '8%', '12%']],
  ]);
  assert.equal(elements(element(main, 'figcaption'), 'li').map(text), ['Industry', 'Pathfinder sites', 'Social care', 'Public health']);
  // The key's swatches are filled as the bars of each stream are (2011 has a segment of each).
  assert.equal(elements(element(main, 'figcaption'), 'rect').map((r) => r.attribs.fill), elements(elements(svg, 'g')[0] as HtmlElement, 'rect').map((r) => r.attribs.fill));
  const table = element(main, 'table');
  assert.is(table.attribs['aria-labelledby'], 'chart-table-caption');
  assert.is(text(element(main, 'p', { id: 'chart-table-caption' })), 'Items per stream per year (by each item\'s home stream)');
  assert.equal(elements(table, 'tr').map((row) => elements(row, 'th').concat(elements(row, 'td')).map(text)), [
    ['Year', 'Industry', 'Pathfinder sites', 'Social care', 'Public health', 'All'],
    ['2011', '2', '1', '2', '2', '7'],
    ['2012', '5', '4', '4', '3', '16'],
    ['2013', '5', '7', '5', '6', '23'],
    ['2014', '3', '4', '2', '3', '12'],
  ]);
});

pages('the search page has a labelled box that sends its words in the address; without JavaScript it says so and offers the archive, tags and each stream', (context) => {
  const main = element(readPage(dirOf(context), '/search/'), 'main');
  assert.is(text(element(main, 'noscript')), 'Search needs JavaScript, which is turned off or not available in your browser.');
  const form = element(main, 'form');
  assert.equal([form.attribs.action, form.attribs.method, element(form, 'input').attribs.name, element(form, 'input').attribs.id, element(form, 'label').attribs.for], ['/search/', 'get', 'q', 'search-input', 'search-input']);
  assert.equal(elements(element(main, 'ul'), 'a').map((a) => [a.attribs.href, text(a)]), [
    ['/archive/', 'archive'],
    ['/tags/', 'Tags'],
    ['/industry/', 'Industry'],
    ['/pathfinder/', 'Pathfinder sites'],
    ['/social-care/', 'Social care'],
    ['/public-health/', 'Public health'],
  ]);
});

pages('copy.js loads only on pages with Copy buttons', (context) => {
  const loadsCopy = (sitePath: string) => elements(readPage(dirOf(context), sitePath), 'script').some((s) => s.attribs.src === '/assets/copy.js');
  assert.equal(['/', '/archive/', '/pathfinder/2013/worcester-business-case/', '/search/'].map(loadsCopy), [false, false, false, false]);
  assert.equal(['/feeds/', '/industry/feed/', '/embed/'].map(loadsCopy), [true, true, true]);
});

pages('feed addresses may wrap after each slash of the path, not inside a word', (context) => {
  const link = elements(readPage(dirOf(context), '/industry/feed/'), 'a', { href: `${origin}/industry/rss.xml` })[0] as HtmlElement;
  assert.is(DomUtils.getInnerHTML(link), 'https://news.3millionlives.co.uk/<wbr>industry/<wbr>rss.xml');
});

/** Every HTML file of the site, as site paths (`/about/`, `/404.html`). */
function listPages(dir: string, relative = ''): string[] {
  return readdirSync(path.join(dir, relative), { withFileTypes: true }).flatMap((entry) => {
    const name = relative + entry.name;
    if (entry.isDirectory()) return listPages(dir, `${name}/`);
    if (!name.endsWith('.html')) return [];
    return [name === 'index.html' ? '/' : name.endsWith('/index.html') ? `/${name.slice(0, -'index.html'.length)}` : `/${name}`];
  });
}

pages('sitemap.xml lists every page the build writes, except 404.html, the embed frames and the CMS, which ask not to be indexed', (context) => {
  const sitemap = parseDocument(readFileSync(path.join(dirOf(context), 'sitemap.xml'), 'utf8'), { xmlMode: true });
  const urls = elements(sitemap, 'url').map((u) => text(element(u, 'loc')));
  const expected = listPages(dirOf(context)).filter((p) => p !== '/404.html' && !p.startsWith('/embed/frame/') && p !== '/admin/').map((p) => origin + p);
  assert.equal([...urls].sort(), expected.sort());
  assert.ok(urls.includes(`${origin}/sources/`) && urls.includes(`${origin}/embed/`));
  const noindex = listPages(dirOf(context)).filter((p) => readHead(readPage(dirOf(context), p)).robots === 'noindex');
  assert.equal(noindex.filter((p) => urls.includes(origin + p)), []);
  const item = elements(sitemap, 'url').find((u) => text(element(u, 'loc')) === `${origin}/pathfinder/2013/worcester-business-case/`) as HtmlElement;
  assert.is(text(element(item, 'lastmod')), '2013-10-10T10:15:00Z');
});

pages('robots.txt allows everything and names the sitemap', (context) => {
  assert.is(readFileSync(path.join(dirOf(context), 'robots.txt'), 'utf8'), `User-agent: *\nAllow: /\n\nSitemap: ${origin}/sitemap.xml\n`);
});

pages('the partner items are kept for the search index as records with their original URL, title and summary, date, streams, organisation and host', (context) => {
  const site = context.site as BuiltSite;
  const records = readManifest(manifestFile(site.cacheDir, site.dir))?.search.records ?? [];
  assert.is(records.length, 11);
  assert.equal(records.find((r) => r.url === 'https://healthy-communities.example.org/blog/video-calls-at-the-library'), {
    url: 'https://healthy-communities.example.org/blog/video-calls-at-the-library',
    content: 'Video calls with your nurse, at the library. Volunteers at three libraries help people set up video calls with their community nurse.',
    language: 'en-gb',
    meta: {
      title: 'Video calls with your nurse, at the library', date: '6 May 2014', streams: 'Public health', organisation: 'Healthy Communities Network',
      'links to': 'healthy-communities.example.org',
    },
  });
});

pages('the build ends with a short summary: items per stream, pages, feeds and files, what was written, warnings', (context) => {
  const dir = dirOf(context);
  const files = (dir: string, relative = ''): string[] => readdirSync(path.join(dir, relative), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(dir, `${relative}${e.name}/`) : [`${relative}${e.name}`]));
  const all = files(dir);
  const pagesWritten = all.filter((f) => f.endsWith('.html')).length;
  const feedFiles = all.filter((f) => /(^|\/)(rss\.xml|atom\.xml|feed\.json)$/.test(f)).length;
  const channels = all.filter((f) => /(^|\/)feed\/index\.html$/.test(f)).length;
  const others = ['_headers', 'robots.txt', 'sitemap.xml', 'feeds.opml', 'sources.json', 'embed/v1/news.js'];
  assert.equal(others.filter((f) => !all.includes(f)), []);
  // The shipped content: 49 Markdown files (2 of them drafts) and 13 stored partner items, 2 of which tell a story told by another.
  assert.equal((context.site as BuiltSite).output.split('\n'), [
    '3ML News: 58 items (Industry 15, Pathfinder sites 16, Social care 13, Public health 14); 2 drafts left out; 2 partner items merged into another telling the same story',
    `  ${pagesWritten} pages, ${feedFiles} feed files for ${channels} feeds, ${all.length - pagesWritten - feedFiles} other files: ${all.length} written, 0 unchanged`,
    '  no warnings',
    '',
  ]);
});

pages.run();

const prefixed = suite<{ site?: BuiltSite }>('the built site under a path prefix');

prefixed.before(async (context) => {
  context.site = await sharedSite({ prefixed: true });
});

prefixed('robots.txt, which crawlers never read under a prefix, says where its lines belong; the build says so too', (context) => {
  const site = context.site as BuiltSite;
  assert.is(
    readFileSync(path.join(site.dir, 'robots.txt'), 'utf8'),
    '# Crawlers read only https://www.example.org/robots.txt, not this file: copy the lines below into that one.\nUser-agent: *\nAllow: /news/\n\nSitemap: https://www.example.org/news/sitemap.xml\n',
  );
  assert.ok(
    site.output.includes('\n  note: robots.txt is at /news/robots.txt, where crawlers never look: put its lines in https://www.example.org/robots.txt\n'),
    site.output,
  );
});

prefixed('pages link their assets, canonical URL and feeds under the prefix', (context) => {
  const dir = (context.site as BuiltSite).dir;
  const head = readHead(readPage(dir, '/'));
  assert.is(head.canonical, 'https://www.example.org/news/');
  assert.is(head.icon, '/news/assets/icon.svg');
  assert.equal(head.feeds.slice(0, 1), ['application/rss+xml 3ML News (RSS 2.0) https://www.example.org/news/rss.xml']);
  assert.equal(elements(readPage(dir, '/'), 'link', { rel: 'stylesheet' }).map((l) => l.attribs.href), ['/news/assets/site.css']);
  assert.is(readHead(readPage(dir, '/embed/frame/')).icon, '/news/assets/icon.svg');
});

prefixed.run();
