/**
 * `npm run new -- <stream> "Title"`: writes a new item with valid front matter in the
 * right folder, its permanent id recorded so later edits to title or date keep it.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { resolveConfig } from '../lib/config.ts';
import { parseNewsDate } from '../lib/dates.ts';
import { defaultItemId } from '../lib/ids.ts';
import { slugify } from '../lib/slug.ts';
import newsConfig from '../news.config.ts';
import { parseCommand, refuse } from './cli.ts';

const config = resolveConfig(newsConfig);
const streams = config.streams.map((s) => s.slug);
const usage = `Usage: npm run new -- <stream> "Title" [--date YYYY-MM-DD]

Creates content/<stream>/<year>/<slug>.md with a title, today's date (or --date)
and a permanent id, ready to edit. Streams: ${streams.join(', ')}.`;

const command = { name: 'npm run new', usage, options: { date: { type: 'string' } }, positionals: true } as const;
const { values, positionals } = parseCommand(command);
const [stream, title] = positionals;
const fail = (message: string): never => refuse(command, message);
if (stream === undefined || title === undefined || title.trim() === '') fail('Give a stream and a title.');
if (!streams.includes(stream!)) fail(`"${stream}" is not a configured stream.`);
const slug = slugify(title!);
if (slug === '') fail(`"${title}" has no letters or digits to make a file name from.`);

const { timeZone, language } = config.site;
const day = values.date ?? new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const reading = parseNewsDate(day, timeZone, language);
if (!reading.ok) fail(`--date: ${reading.reason}.`);

const file = path.join('content', stream!, day.slice(0, 4), `${slug}.md`);
if (existsSync(file)) fail(`${file} already exists; choose another title, or edit that file.`);
const frontMatter = stringify({
  title: title!.trim(),
  date: day,
  id: defaultItemId(config.idAuthority, day, stream!, slug),
  tags: [],
});
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, `---\n${frontMatter}---\nWrite the first paragraph here: it becomes the summary unless you add a summary field.\n`);
console.log(`Created ${file}`);
