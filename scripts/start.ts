/**
 * `npm start`: the preview, with drafts, at http://localhost:8080, rebuilt as content
 * changes (dev/server.ts) and restarted as code changes (dev/supervise.ts). It builds
 * into a folder of its own in the cache, so nothing it writes can reach _site/.
 */
import { devServerProcess, supervise } from '../dev/supervise.ts';
import { parseCommand, portOption } from './cli.ts';

const command = {
  name: 'npm start',
  usage: `Usage: npm start [-- --port N]

Serves a preview of the site with drafts at http://localhost:8080/ (or port N) and
keeps it up to date: a content edit rewrites the pages it changes and the browser
reloads; a content error shows in the browser until it is fixed; a code edit restarts
the preview. It is built into .cache/dev/site/, never into _site/, so a preview is
never published. Ctrl-C (or stopping its process) stops everything it started.`,
  options: { port: { type: 'string', default: '8080' } },
} as const;

const { values } = parseCommand(command);
supervise(devServerProcess(portOption(command, 'port', values.port)));
