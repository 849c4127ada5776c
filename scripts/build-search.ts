/**
 * `npm run build:search`: the search index of the site built into _site/
 * (pipeline/search-index.ts says what it holds and when it is reused).
 */
import { indexSite, NoBuiltSite } from '../pipeline/search-index.ts';
import { settingsFromEnvironment } from '../pipeline/settings.ts';
import { parseCommand } from './cli.ts';

const command = {
  name: 'npm run build:search',
  usage: `Usage: npm run build:search [-- --site DIR]

Indexes the item pages and the partner items of the site built into _site/ (or DIR)
into its pagefind/ folder with Pagefind, reusing the previous index kept in the cache
(NEWS_CACHE_DIR, default .cache/) when no item page and no partner item changed.`,
  options: { site: { type: 'string', default: '_site' } },
} as const;

const { values } = parseCommand(command);
try {
  console.log(await indexSite(values.site, settingsFromEnvironment().cacheDir));
} catch (error) {
  if (!(error instanceof NoBuiltSite)) throw error;
  console.error(`${command.name}: ${error.message}: run npm run build:site first, or name the folder it was built into with --site.`);
  process.exitCode = 1;
}
