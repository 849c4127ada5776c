/**
 * Deterministic corpora that follow the content model, for the benchmark and for the
 * feed tests: items spread over the streams and years, 40 tags, cross-posts,
 * attachments and Markdown bodies of 150-1,500 words. With `hostile`, every text
 * field also carries the characters that break careless feeds: controls, `]]>`,
 * markup, lone surrogates, right-to-left overrides, emoji.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

export interface CorpusOptions {
  /** Folder to (re)create; items go to `<dir>/<stream>/<year>/<slug>.md`, files to `<dir>/files/`. */
  readonly dir: string;
  readonly items: number;
  readonly seed?: number;
  readonly hostile?: boolean;
  readonly streams?: readonly string[];
}

const defaultStreams = ['industry', 'pathfinder', 'social-care', 'public-health'];

const tagNames = [
  'Telehealth', 'telecare', 'telecoaching', 'Whole System Demonstrator', 'business case', 'commissioning', 'evidence',
  'policy', 'pathfinder', 'prevention', 'self-management', 'NHS England', 'social care', 'carers', 'reablement',
  'personal budgets', 'COPD', 'heart failure', 'diabetes', 'falls', 'dementia', 'mental health', 'housing',
  'procurement', 'interoperability', 'standards', 'digital inclusion', 'health inequalities', 'workforce', 'training',
  'evaluation', 'cost-effectiveness', 'patient experience', 'integration', 'Better Care Fund', 'public health',
  'smoking cessation', 'weight management', 'apps', 'remote monitoring',
];

const places = ['Kent', 'Cornwall', 'Newham', 'Worcestershire', 'Cheshire', 'Liverpool', 'North East Lincolnshire', 'Leeds', 'Hampshire', 'Cumbria'];
const organisations = ['Department of Health', 'NHS England', '3millionlives', 'ADASS', 'Telecare Services Association', 'Local Government Association', 'Public Health England'];
const subjects = ['The pathfinder', 'The council', 'Local commissioners', 'The programme board', 'Clinical teams', 'Care staff', 'Suppliers', 'People using the service', 'Carers', 'The evaluation team'];
const verbs = ['reported', 'agreed', 'set out', 'reviewed', 'measured', 'tested', 'published', 'extended', 'explained', 'described'];
const objects = [
  'how telehealth monitoring fits into community nursing', 'the number of people using telecare at home', 'the costs and benefits over three years',
  'what patients said about the equipment', 'how alerts are triaged by the response centre', 'the training offered to practice staff',
  'progress against the local roll-out plan', 'lessons from the Whole System Demonstrator sites', 'the contract with the service provider',
  'how data is shared with GP records', 'the support offered to carers', 'plans for the next twelve months',
];
const clauses = ['in the first year', 'across the county', 'with partners in social care', 'after a public consultation', 'as part of the integration plan', 'before the winter', 'for people with long-term conditions'];

/** Characters and markup that have broken feeds, in every field of hostile items. */
const hostileFragments = [
  'Health & care', '<b>bold</b> claims', 'CDATA ends ]]> here, and ]]> again', 'control\u0001char', 'bell\u0007and\u001Funit',
  'C1\u0085next line', 'nonchar\uFFFEand\uFFFF', 'lone \uD800 high', 'lone \uDC00 low', 'replacement \uFFFD mark',
  'right-to-left \u202Eevil\u202C text', 'RLM\u200Fmark', 'emoji 🩺📈👩🏽‍⚕️', 'quotes "double" and \'single\'', 'back\\slash',
  'comment --> end -- and ---', '&amp; &lt;b&gt; &#x26; &nbsp;', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)',
  'Zalgo z̸̢͍a̵l̶g̷o', 'tab\there', 'supercalifragilisticexpialidocioussupercalifragilisticexpialidocious',
];

/** mulberry32: a small seeded generator, so the same options give the same corpus. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes the corpus and returns the number of items written. */
export function generateCorpus(options: CorpusOptions): number {
  const next = random(options.seed ?? 3_000_000);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const streams = options.streams ?? defaultStreams;
  rmSync(options.dir, { recursive: true, force: true });
  mkdirSync(path.join(options.dir, 'files'), { recursive: true });
  writeFileSync(path.join(options.dir, 'files', 'plan.pdf'), '%PDF-1.4\n% benchmark attachment\n');

  const hostile = (text: string) => (options.hostile ? `${text} ${pick(hostileFragments)}` : text);
  const start = Date.UTC(2005, 0, 1);
  const span = Date.UTC(2024, 11, 31) - start;
  for (let index = 0; index < options.items; index++) {
    const stream = streams[index % streams.length] as string;
    const when = new Date(start + Math.floor(next() * span));
    const day = when.toISOString().slice(0, 10);
    const slug = `item-${String(index).padStart(6, '0')}`;
    const tags = [...new Set(Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(tagNames)))];
    const fields: Record<string, unknown> = {
      title: hostile(`${pick(subjects)} ${pick(verbs)} ${pick(objects)}`),
      // Every third item has a time of day, written without an offset (London time).
      date: index % 3 === 0 ? `${day}T${String(8 + (index % 10)).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}` : day,
      tags: options.hostile ? tags.map((tag, i) => (i === 0 ? hostile(tag) : tag)) : tags,
      authors: index % 4 === 0 ? [{ name: hostile('Pat Jones'), email: 'pat@example.org' }] : [hostile('3ML News editorial team')],
      organisation: hostile(pick(organisations)),
    };
    if (index % 5 === 0) fields.streams = [pick(streams)];
    if (index % 7 === 0) fields.summary = hostile(`${pick(subjects)} ${pick(verbs)} ${pick(objects)} ${pick(clauses)}.`);
    if (index % 6 === 0) fields.region = hostile(pick(places));
    if (index % 11 === 0) fields.link = `https://www.example.org/news/${slug}?ref=3ml&lang=en`;
    if (index % 9 === 0) {
      fields.attachments = index % 2 === 0
        ? [{ url: '/files/plan.pdf', title: hostile('Plan (PDF)') }]
        : [{ url: `https://files.example.org/${slug}.pdf`, title: hostile('Report'), type: 'application/pdf', size: 1000 + index }];
    }
    if (index % 13 === 0) fields.updated = new Date(when.getTime() + 86_400_000 * (1 + (index % 30))).toISOString().slice(0, 10);
    const file = path.join(options.dir, stream, day.slice(0, 4), `${slug}.md`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `---\n${stringify(fields)}---\n${body(next, pick, options.hostile === true, index)}\n`);
  }
  return options.items;
}

/** 150 to 1,500 words of Markdown: paragraphs, headings, a list, links, now and then a table or pasted HTML. */
function body(next: () => number, pick: <T>(list: readonly T[]) => T, hostile: boolean, index: number): string {
  const words = 150 + Math.floor(next() * 1350);
  const blocks: string[] = [];
  let count = 0;
  const sentence = () => `${pick(subjects)} ${pick(verbs)} ${pick(objects)} ${pick(clauses)}.`;
  while (count < words) {
    const roll = next();
    let block: string;
    if (roll < 0.1) block = `## ${pick(objects).replace(/^./, (c) => c.toUpperCase())}`;
    else if (roll < 0.18) block = Array.from({ length: 3 }, () => `- ${sentence()}`).join('\n');
    else if (roll < 0.22) block = `| Area | People |\n| --- | --- |\n| ${pick(places)} | ${Math.floor(next() * 5000)} |\n| ${pick(places)} | ${Math.floor(next() * 5000)} |`;
    else if (roll < 0.26) block = `See [the earlier update](../item-${String(Math.max(0, index - 4)).padStart(6, '0')}/) and [the guidance](https://www.gov.uk/guidance).`;
    else block = Array.from({ length: 2 + Math.floor(next() * 4) }, sentence).join(' ');
    blocks.push(block);
    count += block.split(/\s+/).length;
  }
  if (hostile) {
    blocks.push(`<p onclick="steal()">Pasted <a href="javascript:alert(1)">link</a> ]]> <script>alert(1)</script><iframe src="https://evil.example/"></iframe> \u0001 ${pick(hostileFragments)}</p>`);
    blocks.push(`A [relative link](/files/plan.pdf) and an image ![chart ${pick(hostileFragments).replace(/[[\]]/g, '')}](chart.png).`);
  }
  return blocks.join('\n\n');
}
