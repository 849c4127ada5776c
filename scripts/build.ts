/**
 * `npm run build`: what `npm run build:site` and then `npm run build:search` do, in one
 * process: the site for publishing into _site/, then its search index.
 */
import { publishSite } from './publish.ts';
import { indexSite } from '../pipeline/search-index.ts';
import { settingsFromEnvironment } from '../pipeline/settings.ts';
import { parseCommand } from './cli.ts';

const command = {
  name: 'npm run build',
  usage: `Usage: npm run build [-- --output DIR]

Builds the site from content/ (or NEWS_CONTENT_DIR) into _site/ (or DIR), as
npm run build:site does, then its search index, as npm run build:search does.
Exits 1, publishing nothing, when the content has errors.`,
  options: { output: { type: 'string', default: '_site' } },
} as const;

const { values } = parseCommand(command);
const settings = settingsFromEnvironment();
if (await publishSite(settings, values.output, command.name)) console.log(await indexSite(values.output, settings.cacheDir));
else process.exitCode = 1;
