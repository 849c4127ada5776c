/**
 * `npm run new -- <stream> "Title"`: writes a new item in the right folder, with valid
 * front matter and its permanent id recorded, so that later edits to its title or date
 * keep it. The item is a draft, and its body a placeholder, until its author writes it:
 * as written, it can never be published (lib/content/markdown.ts refuses the placeholder).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveConfig } from '../lib/config.ts';
import { placeholderBody } from '../lib/content/markdown.ts';
import { parseNewsDate } from '../lib/dates.ts';
import { defaultItemId } from '../lib/ids.ts';
import { slugify } from '../lib/slug.ts';
import newsConfig from '../news.config.ts';
import { parseCommand, refuse } from './cli.ts';

const config = resolveConfig(newsConfig);
const streams = config.streams.map((s) => s.slug);
const command = {
  name: 'npm run new',
  usage: `Usage: npm run new -- <stream> "Title" [--date YYYY-MM-DD]

Creates content/<stream>/<year>/<slug>.md with the title, today's date (or --date)
and a permanent id, as a draft, ready to write. The words after the stream are the
title, quoted or not. Streams: ${streams.join(', ')}.`,
  options: { date: { type: 'string' } },
  positionals: true,
} as const;

const { values, positionals } = parseCommand(command);
const [stream, ...words] = positionals;
// Unquoted, a title reaches us as several words: they are the title, never dropped.
const title = words.join(' ').trim();
if (stream === undefined || title === '') refuse(command, 'give a stream and a title');
if (!streams.includes(stream)) refuse(command, `"${stream}" is not a configured stream`);
const slug = slugify(title);
if (slug === '') refuse(command, `"${title}" has no letters or digits to make a file name from`);

const { timeZone, language } = config.site;
const day = values.date ?? new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const reading = parseNewsDate(day, timeZone, language);
if (!reading.ok) refuse(command, `--date: ${reading.reason}`);

const file = path.join('content', stream, day.slice(0, 4), `${slug}.md`);
if (existsSync(file)) {
  console.error(`${command.name}: ${file} already exists; choose another title, or edit that file.`);
  process.exit(1);
}
// YAML's double quotes keep any title as it is written, colons and quotes included.
const frontMatter = [
  `title: ${JSON.stringify(title)}`,
  `date: ${day}`,
  'draft: true # remove this line when the item is ready to publish',
  `id: ${defaultItemId(config.idAuthority, day, stream, slug)}`,
  'tags: [] # a list: [telecare, carers], or one per line starting with "- "',
];
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, `---\n${frontMatter.join('\n')}\n---\n${placeholderBody}\n`);
console.log(`Created ${file}, a draft titled "${title}": npm start shows it; remove draft: true to publish it.`);
