import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from './helpers/suite.ts';
import * as assert from 'uvu/assert';
import { resolveConfig } from '../lib/config.ts';
import { buildNews, readNews } from '../lib/news.ts';
import { NewsContentError, sortProblems, type Problem } from '../lib/problems.ts';
import { collectFrom, item, testConfigInput, testNow, writeProject } from './helpers/content.ts';

/** The problems of one file, as `line field: message (hint)` strings. */
async function problemsOf(files: Record<string, string | Uint8Array>, options: Parameters<typeof collectFrom>[1] = {}): Promise<string[]> {
  const { problems } = await collectFrom(files, options);
  return sortProblems(problems).map(describe);
}

function describe(p: Problem): string {
  return `${p.severity} ${p.file}:${p.line ?? '-'} ${p.field}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`;
}

const fields = suite('field checks');

fields('a missing title and a missing date', async () => {
  assert.equal(await problemsOf({ 'industry/a.md': '---\nsummary: No title or date.\n---\nBody.\n' }), [
    'error content/industry/a.md:1 date: is missing (add a line "date: ..." to the front matter)',
    'error content/industry/a.md:1 title: is missing (add a line "title: ..." to the front matter)',
  ]);
});

fields('a title written with nothing after it is empty, not missing; an optional field so written is left out', async () => {
  assert.equal(await problemsOf({ 'industry/a.md': '---\ntitle:\ndate: 2013-03-22\norganisation:\n---\nBody.\n' }), [
    'error content/industry/a.md:2 title: is empty (write the title)',
  ]);
});

fields('tags written on one line with commas are read as the tags meant, with a warning; a list entry with a comma is kept, with a warning', async () => {
  const listForm = 'write them as a list: tags: [telecare, carers], or one per line starting with "- "';
  const { stream, problems } = await collectFrom({
    'industry/a.md': item({ title: 'A', date: '2013-03-22', tags: 'telecare, carers' }),
    'industry/b.md': item({ title: 'B', date: '2013-03-23', tags: '["Health, wealth"]' }),
  });
  assert.equal(stream.items.map((i) => [i.title, i.tags.map((t) => t.slug)]), [['B', ['health-wealth']], ['A', ['telecare', 'carers']]]);
  assert.equal(sortProblems(problems).map(describe), [
    `warning content/industry/a.md:4 tags: "telecare, carers" is one line, so it is read as 2 tags: "telecare", "carers" (${listForm})`,
    `warning content/industry/b.md:4 tags.0: "Health, wealth" is one tag with a comma in it (if you meant several tags, ${listForm})`,
  ]);
});

fields('an empty title, and a title over two lines', async () => {
  assert.equal(await problemsOf({ 'industry/a.md': item({ title: '""', date: '2013-03-22' }), 'industry/b.md': item({ title: '|\n  One\n  Two', date: '2013-03-22' }) }), [
    'error content/industry/a.md:2 title: is empty (write the title)',
    'error content/industry/b.md:2 title: runs over more than one line (write it on one line)',
  ]);
});

fields('a date that does not exist and one not in ISO 8601', async () => {
  assert.equal(await problemsOf({ 'industry/a.md': item({ title: 'A', date: '2013-02-30' }), 'industry/b.md': item({ title: 'B', date: '22/03/2013' }) }), [
    'error content/industry/a.md:3 date: "2013-02-30" is not a real date: February 2013 has no day 30 (write YYYY-MM-DD, or a date-time such as 2013-03-22T10:30 (Europe/London) or 2013-03-22T10:30:00Z)',
    'error content/industry/b.md:3 date: "22/03/2013" is not an ISO 8601 date or date-time (write YYYY-MM-DD, or a date-time such as 2013-03-22T10:30 (Europe/London) or 2013-03-22T10:30:00Z)',
  ]);
});

fields('updated earlier than date', async () => {
  assert.equal(await problemsOf({ 'industry/a.md': item({ title: 'A', date: '2013-03-22T10:00', updated: '2013-03-22T09:59' }) }), [
    'error content/industry/a.md:4 updated: 2013-03-22T09:59 is earlier than date 2013-03-22T10:00 (set updated to the date or later, or remove it)',
  ]);
});

fields('a date in the future beyond the allowance, and one within it', async () => {
  assert.equal(await problemsOf({ 'industry/a.md': item({ title: 'A', date: '2026-11-27T12:00:01Z' }), 'industry/b.md': item({ title: 'B', date: '2026-11-26T23:00:00Z' }) }), [
    'error content/industry/a.md:3 date: 2026-11-27T12:00:01Z is in the future (items may be dated at most 36 hours ahead; correct the date, or mark the item draft: true until it is due)',
  ]);
});

fields('a draft may be dated ahead, as the hint says; a published item may not, nor may its update', async () => {
  assert.equal(await problemsOf({
    'industry/draft.md': item({ title: 'Due next year', date: '2099-01-01', updated: '2099-01-02', draft: 'true' }),
    'industry/updated.md': item({ title: 'B', date: '2013-03-22', updated: '2026-11-27T00:00:01Z' }),
    'industry/both.md': item({ title: 'C', date: '2099-01-01', updated: '2099-01-02T10:00', draft: 'false' }),
  }), [
    'error content/industry/both.md:3 date: 2099-01-01 is in the future (items may be dated at most 36 hours ahead; correct the date, or mark the item draft: true until it is due)',
    'error content/industry/both.md:4 updated: 2099-01-02T10:00 is in the future (an update may be dated at most 36 hours ahead; correct it, or mark the item draft: true until it is due)',
    'error content/industry/updated.md:4 updated: 2026-11-27T00:00:01Z is in the future (an update may be dated at most 36 hours ahead; correct it, or mark the item draft: true until it is due)',
  ]);
});

fields('the future allowance is the configured one', async () => {
  const files = { 'industry/a.md': item({ title: 'A', date: '2026-11-25T14:00:01Z' }), 'industry/b.md': item({ title: 'B', date: '2026-11-25T14:00:00Z' }) };
  assert.equal(await problemsOf(files, { config: { futureAllowanceHours: 2 } }), [
    'error content/industry/a.md:3 date: 2026-11-25T14:00:01Z is in the future (items may be dated at most 2 hours ahead; correct the date, or mark the item draft: true until it is due)',
  ]);
  assert.equal((await problemsOf(files, { config: { futureAllowanceHours: 0 } })).length, 2);
});

fields('an update in the morning of a day written without a time is earlier than it, and the report says why', async () => {
  assert.equal(await problemsOf({ 'industry/a.md': item({ title: 'A', date: '2013-07-01', updated: '2013-07-01T11:59' }) }), [
    'error content/industry/a.md:4 updated: 2013-07-01T11:59 is earlier than date 2013-07-01, which without a time stands for 12:00 that day (Europe/London) (write the date with its time, e.g. 2013-07-01T09:00, or set updated to 12:00 or later)',
  ]);
});

fields('unknown streams, in streams and as a folder', async () => {
  assert.equal(await problemsOf({ 'industry/a.md': item({ title: 'A', date: '2013-03-22', streams: '[pathfinder, mental-health]' }), 'mental-health/b.md': item({ title: 'B', date: '2013-03-22' }) }), [
    'error content/industry/a.md:4 streams.1: "mental-health" is not a configured stream (use one of: industry, pathfinder, social-care, public-health)',
    'error content/mental-health/b.md:1 stream: the folder "mental-health" is not a configured stream (move the file into one of: industry, pathfinder, social-care, public-health; or add the stream to the configuration)',
  ]);
});

fields('links that are not http(s): link, author url, attachment url', async () => {
  const fm = { title: 'A', date: '2013-03-22', link: 'ftp://example.org/x', authors: '[{ name: Ann, url: "javascript:alert(1)" }]', attachments: '[{ url: "data:text/html,x" }]' };
  assert.equal(await problemsOf({ 'industry/a.md': item(fm) }), [
    'error content/industry/a.md:4 link: "ftp://example.org/x" is not an absolute http(s) URL (write e.g. https://www.example.org/page)',
    'error content/industry/a.md:5 authors.0.url: "javascript:alert(1)" is not an absolute http(s) URL (write e.g. https://www.example.org/page)',
    'error content/industry/a.md:6 attachments.0.url: "data:text/html,x" is not an absolute http(s) URL or a site path starting with / (write e.g. https://www.example.org/page)',
  ]);
});

fields('malformed YAML, with the YAML error\'s line', async () => {
  assert.equal(await problemsOf({ 'industry/a.md': '---\ntitle: A\ndate: 2013-03-22\ntags: [a, b\nsummary: x\n---\nBody.\n' }), [
    'error content/industry/a.md:5 front matter: the YAML is malformed: Flow sequence in block collection must be sufficiently indented and end with a ] (check indentation, colons and quotes on that line; quote text that contains ": " or starts with a special character)',
  ]);
});

fields('one YAML mistake is reported once, though the parser finds it twice on the line', async () => {
  assert.equal(await problemsOf({ 'industry/a.md': '---\ntitle: A\ndate: 2013-03-22\nsummary: a: b: c\n---\nBody.\n' }), [
    'error content/industry/a.md:4 front matter: the YAML is malformed: Nested mappings are not allowed in compact mappings (check indentation, colons and quotes on that line; quote text that contains ": " or starts with a special character)',
  ]);
});

fields('YAML that only js-yaml rejects is reported with its reason and line', async () => {
  assert.equal(await problemsOf({ 'industry/a.md': '---\ntitle: A\ndate: 2013-03-22\nsummary: !!int 5\n---\nBody.\n' }), [
    'error content/industry/a.md:4 front matter: the YAML is malformed: unknown tag !<tag:yaml.org,2002:int> (check indentation, colons and quotes on that line; quote text that contains ": " or starts with a special character)',
  ]);
});

fields('a field given twice is malformed YAML', async () => {
  assert.equal(await problemsOf({ 'industry/a.md': '---\ntitle: A\ntitle: B\ndate: 2013-03-22\n---\nBody.\n' }), [
    'error content/industry/a.md:3 front matter: the YAML is malformed: Map keys must be unique (check indentation, colons and quotes on that line; quote text that contains ": " or starts with a special character)',
  ]);
});

fields('unknown fields are warned about, with the field they probably meant', async () => {
  assert.equal(await problemsOf({ 'industry/a.md': item({ title: 'A', date: '2013-03-22', tittle: 'B', colour: 'red' }) }), [
    'warning content/industry/a.md:4 tittle: "tittle" is not a field of the content model and is ignored (did you mean "title"?)',
    'warning content/industry/a.md:5 colour: "colour" is not a field of the content model and is ignored (the fields are: title, date, updated, streams, summary, tags, authors, organisation, region, link, attachments, image, imageAlt, draft, id)',
  ]);
});

fields('wrong types: draft, id, e-mail, tags, attachment size and type', async () => {
  const fm = { title: 'A', date: '2013-03-22', draft: 'yes', id: 'my-item', authors: '[{ name: Ann, email: ann }]', tags: '["!!!"]', attachments: '[{ url: "https://x.org/a.pdf", size: -1, type: pdf }]' };
  assert.equal(await problemsOf({ 'industry/a.md': item(fm) }), [
    'error content/industry/a.md:4 draft: must be true or false, not "yes" (write draft: true, or remove the line)',
    'error content/industry/a.md:5 id: "my-item" is not an absolute URI that feeds accept as an id (use a tag: URI such as tag:3millionlives.co.uk,2013-03-22:pathfinder/my-item, or leave id out)',
    'error content/industry/a.md:6 authors.0.email: "ann" is not an e-mail address (write it as name@example.org, or remove it)',
    'error content/industry/a.md:7 tags.0: "!!!" has no letters or digits, so it cannot have a page (write the tag with at least one letter or digit)',
    'error content/industry/a.md:8 attachments.0.size: "-1" is not a size in bytes (write a whole number of bytes, or leave size out for files under /files/)',
    'error content/industry/a.md:8 attachments.0.type: "pdf" is not a media type (write e.g. application/pdf, or leave type out to have it worked out from the file name)',
  ]);
});

fields('an attachment or image under /files/ that is not there, and an image without imageAlt', async () => {
  const fm = { title: 'A', date: '2013-03-22', attachments: '[{ url: /files/plan.pdf }]', image: '/files/photo.jpg' };
  assert.equal(await problemsOf({ 'industry/a.md': item(fm) }), [
    'error content/industry/a.md:4 attachments.0.url: "/files/plan.pdf" names no file: content/files/plan.pdf does not exist (add the file to content/files/, or correct the URL)',
    'error content/industry/a.md:5 image: "/files/photo.jpg" names no file: content/files/photo.jpg does not exist (add the file to content/files/, or correct the URL)',
    'error content/industry/a.md:5 image: the image has no imageAlt (describe the image in imageAlt, or write imageAlt: "" if it is only decoration)',
  ]);
});

fields('a file without front matter, and one outside any stream folder', async () => {
  assert.equal(await problemsOf({ 'industry/a.md': '# Heading\n\nText.\n', 'b.md': item({ title: 'B', date: '2013-03-22' }) }), [
    'error content/b.md:1 stream: the file is not in a stream folder (move it to content/<stream>/, one of: industry, pathfinder, social-care, public-health)',
    'error content/industry/a.md:1 front matter: the file does not start with front matter (begin the file with a line "---", the fields (title, date, ...), then another "---")',
  ]);
});

fields('HTML in a title or summary is read as the plain text it stands for, with a warning', async () => {
  const { stream, problems } = await collectFrom({
    'industry/a.md': item({ title: '"Telehealth &amp; <em>telecare</em>"', date: '2013-03-22', summary: '"Caf&eacute; <b>talks</b>"' }),
    'industry/b.md': item({ title: 'Q&A with AT&T, 3 < 4', date: '2013-03-21' }),
    'industry/c.md': item({ title: '"<b></b>"', date: '2013-03-20' }),
  });
  assert.equal(stream.items.map((i) => [i.title, i.summary]), [['Telehealth & telecare', 'Café talks'], ['Q&A with AT&T, 3 < 4', 'A paragraph of news.']]);
  assert.equal(sortProblems(problems).map(describe), [
    'warning content/industry/a.md:2 title: "Telehealth &amp; <em>telecare</em>" contains HTML, which a plain-text title cannot carry; it is read as "Telehealth & telecare" (write the plain text: Telehealth & telecare)',
    'warning content/industry/a.md:4 summary: "Caf&eacute; <b>talks</b>" contains HTML, which a plain-text summary cannot carry; it is read as "Café talks" (write the plain text: Café talks)',
    'warning content/industry/c.md:2 title: "<b></b>" contains HTML, which a plain-text title cannot carry; it is read as "" (write the plain text: (nothing is left))',
    'error content/industry/c.md:2 title: is empty (write the title)',
  ]);
});

fields('a file name with no letters or digits is an error at line 1', async () => {
  assert.equal(await problemsOf({ 'industry/!!!.md': item({ title: 'A', date: '2013-03-22' }) }), [
    'error content/industry/!!!.md:1 file name: "!!!.md" has no letters or digits to make a URL from (rename the file, e.g. worcester-business-case.md)',
  ]);
});

fields('a wrong attachment size is a warning with the real size', async () => {
  const files = { 'industry/a.md': item({ title: 'A', date: '2013-03-22', attachments: '[{ url: /files/a.pdf, size: 3 }]' }), 'files/a.pdf': '%PDF-1.4\n' };
  assert.equal(await problemsOf(files), [
    'warning content/industry/a.md:4 attachments.0.size: 3 bytes is not the file\'s size, 9 bytes (write size: 9, or leave size out)',
  ]);
});

fields('a file that is not UTF-8 is an error at its first line that is not, and nothing of it is published', async () => {
  const latin1 = Buffer.from(item({ title: 'Café society', date: '2013-03-22' }, 'Telecare in the caf\u00e9.'), 'latin1');
  const { stream, problems } = await collectFrom({ 'industry/latin1.md': latin1 });
  assert.equal(stream.items, []);
  assert.equal(sortProblems(problems).map(describe), [
    'error content/industry/latin1.md:2 encoding: the file is not UTF-8 text: line 2 has bytes UTF-8 does not allow (the file was probably saved as Latin-1 or Windows-1252) (save the file as UTF-8: most editors offer it under "Save with Encoding")',
  ]);
});

fields.run();

const listing = suite('which files are read');

listing('.md in any case and links to files are read; other files, links to folders and broken links in stream folders are warnings', async () => {
  const project = writeProject({
    'industry/upper.MD': item({ title: 'Upper', date: '2013-03-22' }),
    'industry/notes.markdown': item({ title: 'Notes', date: '2013-03-25' }),
    'industry/2013/photo.jpg': 'not really a photo',
    'notes.txt': 'outside the stream folders: not content, not reported',
  });
  const outside = path.join(project.rootDir, 'elsewhere');
  const content = path.join(project.rootDir, 'content');
  mkdirSync(path.join(outside, 'folder'), { recursive: true });
  writeFileSync(path.join(outside, 'linked-item.md'), item({ title: 'Linked', date: '2013-03-23' }));
  writeFileSync(path.join(outside, 'folder', 'inside.md'), item({ title: 'Inside', date: '2013-03-24' }));
  symlinkSync(path.join(outside, 'linked-item.md'), path.join(content, 'industry', 'linked.md'));
  symlinkSync(path.join(outside, 'folder'), path.join(content, 'industry', 'folder'));
  symlinkSync(path.join(outside, 'nothing.md'), path.join(content, 'industry', 'gone.md'));
  try {
    const stream = await readNews({ config: resolveConfig(testConfigInput), rootDir: project.rootDir, now: testNow, includeDrafts: false });
    const { problems } = stream;
    assert.equal(stream.items.map((i) => [i.title, i.path]), [['Linked', '/industry/2013/linked/'], ['Upper', '/industry/2013/upper/']]);
    assert.equal(sortProblems(problems).map(describe), [
      'warning content/industry/2013/photo.jpg:- file: is not read: only .md files in a stream folder are news items (rename it to .md if it is an item; put files to publish in content/files/; otherwise move it out of content/)',
      'warning content/industry/folder:- file: is a link to a folder, which is not followed, so nothing in it is read (move the folder itself into content/industry/, or link its files one by one)',
      'warning content/industry/gone.md:- file: is a link to something that does not exist (correct the link, or remove it)',
      'warning content/industry/notes.markdown:- file: is not read: only .md files in a stream folder are news items (rename it to .md if it is an item; put files to publish in content/files/; otherwise move it out of content/)',
    ]);
  } finally {
    project.remove();
  }
});

listing.run();

const across = suite('checks across files');

across('two items with one id: each names the other', async () => {
  const id = 'tag:3millionlives.co.uk,2013-03-22:shared';
  assert.equal(await problemsOf({ 'industry/a.md': item({ title: 'A', date: '2013-03-22', id }), 'pathfinder/b.md': item({ title: 'B', date: '2013-04-22', id }) }), [
    `error content/industry/a.md:4 id: the id ${id} is also the id of content/pathfinder/b.md (ids must be unique: change or remove the id field of one of them)`,
    `error content/pathfinder/b.md:4 id: the id ${id} is also the id of content/industry/a.md (ids must be unique: change or remove the id field of one of them)`,
  ]);
});

across('two files that would be published at one URL', async () => {
  assert.equal(await problemsOf({ 'pathfinder/2013/update.md': item({ title: 'A', date: '2013-03-22' }), 'pathfinder/kent/update.md': item({ title: 'B', date: '2013-06-14' }) }), [
    'error content/pathfinder/2013/update.md:3 url: would be published at /pathfinder/2013/update/, as would content/pathfinder/kent/update.md (rename one of the files, or move it to another stream)',
    'error content/pathfinder/kent/update.md:3 url: would be published at /pathfinder/2013/update/, as would content/pathfinder/2013/update.md (rename one of the files, or move it to another stream)',
  ]);
});

across('different tags that make one slug are merged, with one warning per clash naming each spelling, how many files use it and which', async () => {
  const hint = '(if they are one tag, spell it one way everywhere; if not, tell them apart with letters or digits, e.g. "C sharp")';
  assert.equal(await problemsOf({
    'industry/a.md': item({ title: 'A', date: '2013-03-22', tags: '[C++, Rust]' }),
    'industry/b.md': item({ title: 'B', date: '2013-03-22', tags: '\n  - Rust\n  - C#' }),
    'industry/c.md': item({ title: 'C', date: '2013-03-22', tags: 'c++' }),
    'industry/d.md': item({ title: 'D', date: '2013-03-22', tags: '[Telehealth, TELEHEALTH, telehealth]' }),
  }), [
    `warning content/industry/b.md:6 tags.1: "C#" (in content/industry/b.md) makes the same slug, "c", as "C++" (in 2 files: content/industry/a.md, content/industry/c.md), so they are one tag, shown as "C++" ${hint}`,
  ]);
  // One use each: the spelling that sorts first is shown. Within one file too; a tag not in a list is reported as tags.
  assert.equal(await problemsOf({ 'industry/a.md': item({ title: 'A', date: '2013-03-22', tags: 'c' }), 'industry/b.md': item({ title: 'B', date: '2013-03-22', tags: '[C++, C#]' }) }), [
    `warning content/industry/a.md:4 tags: "c" (in content/industry/a.md) and "C++" (in content/industry/b.md) make the same slug, "c", as "C#" (in content/industry/b.md), so they are one tag, shown as "C#" ${hint}`,
  ]);
});

across('a spelling clash over many files is one warning, naming a few of them', async () => {
  const files = Object.fromEntries(Array.from({ length: 12 }, (_, n) => [`industry/${String(n).padStart(2, '0')}.md`, item({ title: `Item ${n}`, date: '2013-03-22', tags: n < 4 ? '["Telecare!"]' : '[telecare]' })]));
  assert.equal(await problemsOf(files), [
    'warning content/industry/00.md:4 tags.0: "Telecare!" (in 4 files: content/industry/00.md, content/industry/01.md, content/industry/02.md, …) makes the same slug, "telecare", as "telecare" (in 8 files: content/industry/04.md, content/industry/05.md, content/industry/06.md, …), so they are one tag, shown as "telecare" (if they are one tag, spell it one way everywhere; if not, tell them apart with letters or digits, e.g. "C sharp")',
  ]);
});

across('the same file name in other streams or years is fine', async () => {
  assert.equal(await problemsOf({
    'pathfinder/2012/update.md': item({ title: 'A', date: '2012-03-22' }),
    'pathfinder/2013/update.md': item({ title: 'B', date: '2013-03-22' }),
    'industry/update.md': item({ title: 'C', date: '2013-03-22' }),
  }), []);
});

across('no item is dropped silently: every file is published or named in an error', async () => {
  const { stream, problems } = await collectFrom({
    'industry/good.md': item({ title: 'Good', date: '2013-03-22' }),
    'industry/bad.md': item({ title: 'Bad', date: 'soon' }),
    'industry/draft.md': item({ title: 'Draft', date: '2013-03-22', draft: 'true' }),
  });
  assert.equal(stream.items.map((i) => i.slug), ['good']);
  assert.is(stream.draftsLeftOut, 1);
  assert.equal(problems.map((p) => p.file), ['content/industry/bad.md']);
});

across.run();

const refusal = suite('publishing refuses invalid content');

refusal('buildNews rejects with one NewsContentError carrying every problem, report in the message', async () => {
  const project = writeProject({ 'industry/a.md': item({ title: '""', date: '2013-03-22' }), 'industry/b.md': item({ title: 'B', date: 'later' }) });
  try {
    await buildNews({ config: resolveConfig(testConfigInput), rootDir: project.rootDir, now: testNow, includeDrafts: false }, () => {});
    assert.unreachable('buildNews should have rejected');
  } catch (error) {
    assert.instance(error, NewsContentError);
    const contentError = error as NewsContentError;
    assert.is(contentError.problems.length, 2);
    assert.is(contentError.message, [
      '2 errors in content:',
      '  content/industry/a.md:2: title: is empty (write the title)',
      '  content/industry/b.md:3: date: "later" is not an ISO 8601 date or date-time (write YYYY-MM-DD, or a date-time such as 2013-03-22T10:30 (Europe/London) or 2013-03-22T10:30:00Z)',
    ].join('\n'));
  } finally {
    project.remove();
  }
});

refusal.run();
