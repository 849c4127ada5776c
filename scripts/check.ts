/**
 * `npm run check`: every content file against the content model, every problem at
 * once, without building the site. Exits 1 when there is any error.
 */
import { parseArgs } from 'node:util';
import { collectNews, formatReport, hasErrors, resolveConfig } from '../lib/index.ts';
import newsConfig from '../news.config.ts';

const usage = `Usage: npm run check [-- --content DIR]

Checks every Markdown item under content/ (or DIR) against the content model
and prints every problem found, one per line:

  path:line: field: what is wrong (what to do)

Exits 1 when there is any error; warnings alone exit 0.
(npm run check also type-checks the code first.)`;

const { values } = parseArgs({ options: { content: { type: 'string', default: 'content' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const config = resolveConfig(newsConfig);
const { site, problems } = collectNews({ config, rootDir: process.cwd(), contentDir: values.content, now: new Date(), includeDrafts: true });
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
if (problems.length > 0) console.log(formatReport(values.content, problems));
console.log(`Checked ${values.content}: ${site.items.length} items, ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}.`);
process.exitCode = hasErrors(problems) ? 1 : 0;
