import iconv from 'iconv-lite';
import { suite } from './helpers/suite.ts';
import * as assert from 'uvu/assert';
import { readFeed, type FeedReading } from '../lib/partners/parse.ts';
import { fetchInto, lines, source, stored, withHost } from './helpers/partners.ts';

/** What a reading comes to, in a line: the format, the feed's title and each entry's title, or the refusal. */
function outline(reading: FeedReading): string | [string, string | undefined, (string | undefined)[], readonly string[]] {
  if (!reading.ok) return `${reading.kind}: ${reading.reason}`;
  return [reading.feed.format, reading.feed.title, reading.feed.entries.map((e) => e.title?.value), reading.warnings];
}

const read = (text: string | Uint8Array, contentType?: string) => outline(readFeed(typeof text === 'string' ? Buffer.from(text) : text, contentType));
const rss = (items: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>${items}</channel></rss>`;

const decoding = suite('reading partner feeds: decoding');

decoding('UTF-32 is read, little- and big-endian, with a byte-order mark and without one', () => {
  const text = rss('<item><title>Zweiunddreißig</title></item>');
  for (const encoding of ['utf-32le', 'utf-32be']) {
    assert.equal(read(iconv.encode(text.replace('?>', ` encoding="${encoding}"?>`), encoding, { addBOM: true })), ['rss', 'Feed', ['Zweiunddreißig'], []], `${encoding} with a mark`);
    assert.equal(read(iconv.encode(text, encoding, { addBOM: false })), ['rss', 'Feed', ['Zweiunddreißig'], []], `${encoding} without`);
  }
  // UTF-32LE's mark starts with UTF-16LE's: the longer mark is looked for first.
  assert.equal(read(iconv.encode(text, 'utf-16le', { addBOM: true })), ['rss', 'Feed', ['Zweiunddreißig'], []]);
});

decoding('windows-1252 curly quotes carried as C1 control characters, raw or as references, are read as the quotes they are', () => {
  assert.equal(read(rss('<item><title>don\u0092t \u0093quote\u0094 \u0080</title><description>don&#146;t &#x93;x&#x94;</description></item>')), ['rss', 'Feed', ['don’t “quote” €'], []]);
  const reading = readFeed(Buffer.from(rss('<item><title>t</title><description>don&#146;t &#x93;x&#x94; &#129;</description></item>')));
  assert.equal(reading.ok && reading.feed.entries[0]?.summary, { value: 'don’t “x” \u0081', type: 'html' });
  const json = readFeed(Buffer.from('{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","title":"don\\u0092t"}]}'));
  assert.equal(json.ok && json.feed.entries[0]?.title, { value: 'don’t', type: 'text' });
});

decoding('an XHTML doctype before the root element leaves an RSS feed RSS; before <html> it is still a page', () => {
  const doctype = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';
  assert.equal(read(`<?xml version="1.0"?>${doctype}\n${rss('<item><title>Found</title></item>').replace('<?xml version="1.0"?>', '')}`), ['rss', 'Feed', ['Found'], []]);
  assert.equal(read(`${doctype}<html><head><title>Page</title></head></html>`), 'html: is an HTML page, not a feed');
  assert.equal(read('<!DOCTYPE html><p>Just a page'), 'html: is an HTML page, not a feed');
  // "<!DOCTYPE" inside an entry is text, not a document type declaration to remove.
  assert.equal(read(rss('<item><title><![CDATA[<!DOCTYPE is text]]></title></item>')), ['rss', 'Feed', ['<!DOCTYPE is text'], []]);
});

decoding.run();

const shapes = suite('reading partner feeds: shapes mature readers accept');

shapes('RSS items directly under <rss>, with no <channel>, are read', () => {
  assert.equal(read('<rss version="2.0"><title>Bare</title><item><title>One</title></item><item><title>Two</title></item></rss>'), ['rss', 'Bare', ['One', 'Two'], []]);
});

shapes('RSS 2.0 in a prefixed namespace, with no default namespace, is read, its modules too', () => {
  const feed = `<r:rss version="2.0" xmlns:r="http://backend.userland.com/rss2" xmlns:dc="http://purl.org/dc/elements/1.1/">
    <r:channel><r:title>Prefixed</r:title><r:item><r:title>Item</r:title><dc:title>Clash</dc:title><dc:date>2002-09-28T21:00:02Z</dc:date></r:item></r:channel></r:rss>`;
  const reading = readFeed(Buffer.from(feed));
  assert.equal(outline(reading), ['rss', 'Prefixed', ['Item'], []]);
  assert.is(reading.ok && reading.feed.entries[0]?.published, '2002-09-28T21:00:02Z');
});

shapes('an Atom entry document is a feed of one entry', () => {
  assert.equal(read('<entry xmlns="http://www.w3.org/2005/Atom"><title>Alone</title><id>urn:x:1</id><link href="https://a.example.org/1"/></entry>'), ['atom', undefined, ['Alone'], []]);
});

shapes('Atom 0.3 content in mode="base64" is decoded, as its type says', () => {
  const base64 = (text: string) => Buffer.from(text).toString('base64');
  const reading = readFeed(Buffer.from(`<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><title mode="base64">${base64('Décodé')}</title>
    <content type="text/html" mode="base64"><![CDATA[${base64('<p>Hello &amp; <b>welcome</b></p>')}]]></content></entry></feed>`));
  assert.equal(reading.ok && reading.feed.entries, [{ title: { value: 'Décodé', type: 'text' }, summary: { value: '<p>Hello &amp; <b>welcome</b></p>', type: 'html' }, authors: [] }]);
});

shapes('Dublin Core stands in where the format\'s own title and dates are missing, as feedparser reads it', () => {
  const reading = readFeed(Buffer.from(`<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><channel><title>DC</title>
    <item><dc:title>Only in Dublin Core</dc:title><link>https://dc.example.org/1</link><dcterms:issued>2003-12-31T10:14:55Z</dcterms:issued><dcterms:modified>2004-01-02T10:00:00Z</dcterms:modified></item></channel></rss>`));
  assert.equal(reading.ok && reading.feed.entries, [{
    title: { value: 'Only in Dublin Core', type: 'text' }, link: 'https://dc.example.org/1', published: '2003-12-31T10:14:55Z', updated: '2004-01-02T10:00:00Z', authors: [],
  }]);
});

shapes('an Atom entry\'s links are resolved against xml:base, and an id that is a web address stands in for a missing link', () => {
  const reading = readFeed(Buffer.from(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://base.example.org/news/"><title>Base</title><link href="./"/>
    <entry xml:base="2013/"><title>Relative</title><link href="item-1"/><id>tag:base.example.org,2013:1</id></entry>
    <entry><title>Id only</title><id>https://base.example.org/news/2</id></entry>
    <entry><title>Neither</title><id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id></entry></feed>`));
  assert.equal(reading.ok && [reading.feed.link, reading.feed.entries.map((e) => e.link)], ['https://base.example.org/news/', ['https://base.example.org/news/2013/item-1', 'https://base.example.org/news/2', undefined]]);
});

shapes('a root in a namespace that is not its format\'s is read by its name, as feedparser reads it, and reported', () => {
  assert.equal(read('<feed xmlns="http://example.org/"><title>Odd</title><entry><title>E</title></entry></feed>'), [
    'atom', 'Odd', ['E'], ['its root element <feed> is in the namespace http://example.org/, which is not Atom\'s, so it was read as Atom by its name'],
  ]);
});

shapes.run();

const empty = suite('reading partner feeds: empty feeds');

empty('a valid feed with no entries is a feed with no entries, in every format', () => {
  assert.equal(read('<rss version="2.0"><channel><title>x</title></channel></rss>'), ['rss', 'x', [], []]);
  assert.equal(read('<rss version="2.0"><channel><author>x</author></channel></rss>'), ['rss', undefined, [], []]);
  assert.equal(read('<rss version="2.0"></rss>'), ['rss', undefined, [], []]);
  assert.equal(read('<feed xmlns="http://www.w3.org/2005/Atom"></feed>'), ['atom', undefined, [], []]);
  assert.equal(read('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"></rdf:RDF>'), ['rdf', undefined, [], []]);
  assert.equal(read('{"version":"https://jsonfeed.org/version/1.1","items":[]}'), ['json', undefined, [], []]);
});

empty('an empty feed is a source that is fine and has nothing yet', () =>
  withHost(async (server, storeDir) => {
    server.set('/empty.xml', '<rss version="2.0"><channel><title>Nothing yet</title></channel></rss>');
    assert.equal(lines(await fetchInto(storeDir, [source(server, 'Empty', 'empty.xml')])), [['Empty', 'updated', 200, '0 in the feed: 0 new, 0 updated, 0 unchanged.', []]]);
    assert.equal(stored(storeDir, 'empty'), []);
  }));

empty.run();

const refusals = suite('reading partner feeds: what a refused body was');

refusals('not XML, with the line and column; XML but not a feed, naming the root; neither XML nor JSON', () => {
  // feedsmith reads what it can of XML that is not well-formed; this, it cannot.
  assert.equal(read('<?xml version="1.0"?>\n<rss version="2.0">\n<channel><item><title>Never closed</item></channel>'), 'malformed: is not XML (line 3, column 35: Expected closing tag \'title\' (opened in line 3, col 16) instead of closing tag \'item\')');
  assert.equal(read('<?xml version="1.0"?><opml version="2.0"><body/></opml>'), 'not-a-feed: is XML but not a feed (its root element is <opml>)');
  assert.equal(read('<Channel xmlns="http://purl.org/net/rss1.1#"/>'), 'not-a-feed: is XML but not a feed (its root element is <Channel> in the namespace http://purl.org/net/rss1.1#)');
  assert.equal(read('Service unavailable'), 'malformed: is neither XML nor JSON');
  assert.equal(read('  '), 'malformed: is empty');
});

refusals('not JSON, with the line and column; JSON but not a JSON Feed', () => {
  assert.equal(read('{\n  "version": "https://jsonfeed.org/version/1.1",\n  "items": [1 2]\n}'), 'malformed: is not JSON (line 3, column 15: Expected \',\' or \']\' after array element)');
  assert.equal(read('{\n  "items": [}\n}'), 'malformed: is not JSON (Unexpected token \'}\')');
  assert.equal(read('{"name": "not a feed"}'), 'not-a-feed: is JSON but not a JSON Feed (its "version" names no https://jsonfeed.org/version/)');
});

refusals.run();
