/**
 * `npm run build:site`: the site for publishing, pages and feeds, into _site/ (drafts
 * left out). Eleventy runs with the adapter in eleventy.config.ts. Content errors stop
 * it with the report, printed once, and nothing is published.
 */
import { NewsConfigError } from '../lib/problems.ts';
import { startBuildPool } from '../pipeline/parallel.ts';
import { trace } from '../pipeline/trace.ts';
import { settingsFromEnvironment } from '../pipeline/settings.ts';
import { parseCommand } from './cli.ts';

const command = {
  name: 'npm run build:site',
  usage: `Usage: npm run build:site [-- --output DIR]

Builds the site from content/ (or NEWS_CONTENT_DIR) into _site/ (or DIR): every page,
feed and file the site publishes, and nothing else. Files of earlier builds that the
content no longer publishes are removed; files whose inputs did not change are kept.
Drafts are left out. Exits 1, publishing nothing, when the content has errors.`,
  options: { output: { type: 'string', default: '_site' } },
} as const;

const { values } = parseCommand(command);
const settings = settingsFromEnvironment();
// The workers start reading while Eleventy loads.
const pool = startBuildPool(settings, new Date());
trace('workers started');
const { buildWithEleventy, ContentHasErrors } = await import('../eleventy.config.ts');
trace('Eleventy loaded');
try {
  await buildWithEleventy(settings, values.output, pool);
} catch (error) {
  const known = [error, (error as Error).cause].find((e) => e instanceof ContentHasErrors || e instanceof NewsConfigError);
  if (known === undefined) throw error;
  console.error(`${(known as Error).message}\n\n${command.name}: nothing was published. Fix the problems above; npm run check lists them without building.`);
  process.exitCode = 1;
} finally {
  await pool?.close();
}
