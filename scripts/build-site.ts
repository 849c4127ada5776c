/**
 * `npm run build:site`: the site for publishing, pages and feeds, into _site/ (drafts
 * left out), as scripts/publish.ts builds it. Content errors stop it with the report,
 * printed once, and nothing is published.
 */
import { publishSite } from './publish.ts';
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
if (!(await publishSite(settingsFromEnvironment(), values.output, command.name))) process.exitCode = 1;
