/**
 * `npm run check`: every content file against the content model, the partner sources and
 * their store, and the configuration against the site's own paths; every problem at
 * once, without building the site. Exits 1 when there is any error.
 */
import path from 'node:path';
import { settingsFromEnvironment } from '../pipeline/settings.ts';
import { readNews } from '../lib/news.ts';
import { formatReport, hasErrors } from '../lib/problems.ts';
import { plural } from '../lib/text.ts';
import { openCache } from '../pipeline/builder.ts';
import { checkStreamSlugs } from '../site/outputs.ts';
import { parseCommand } from './cli.ts';

const { values } = parseCommand({
  name: 'npm run check',
  usage: `Usage: npm run check [-- --content DIR]

Checks every Markdown item under content/ (or DIR), the partner sources (the
sources.yaml there, or the file NEWS_SOURCES_FILE names) and their store, and the
streams of news.config.ts, and prints every problem found, one per line:

  path:line: field: what is wrong (what to do)

Exits 1 when there is any error; warnings alone exit 0.
(npm run check also type-checks the code first.)`,
  options: { content: { type: 'string' } },
});

const settings = settingsFromEnvironment({ ...(values.content !== undefined && { contentDir: values.content }), includeDrafts: true });
const { cache } = openCache(settings);
const stream = await readNews({ config: settings.config, rootDir: settings.rootDir, contentDir: settings.contentDir, sourcesFile: settings.sourcesFile, now: new Date(), includeDrafts: true, cache });
const problems = [...checkStreamSlugs(settings.config), ...stream.problems];
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
const subject = path.normalize(settings.contentDir);
if (problems.length > 0) console.log(formatReport(subject, problems));
console.log(`Checked ${subject}: ${plural(stream.items.length, 'item')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`);
process.exitCode = hasErrors(problems) ? 1 : 0;
