/**
 * `npm run edit`: the CMS on the working copy. decap-server, the CMS's local backend
 * (dev/local-backend.ts), writes what editors save into content/, and the preview of
 * `npm start` serves the site with /admin/ set to save through it, and shows each save.
 * Ctrl-C (or stopping its process) stops both; so does either stopping.
 */
import { devServerProcess, supervise } from '../dev/supervise.ts';
import { parseCommand, portOption, refuse } from './cli.ts';

const command = {
  name: 'npm run edit',
  usage: `Usage: npm run edit [-- --port N] [--backend-port M]

Edits the working copy in the browser: the CMS at http://localhost:8080/admin/ (or
port N) writes the items you save, and the files you upload, into content/, through
its local backend, decap-server, on 127.0.0.1:8081 (or port M). The preview of
npm start, at http://localhost:8080/, shows each save, drafts included. Nothing is
committed: look at the changes with git, then commit them. Ctrl-C (or stopping its
process) stops both servers.`,
  options: { port: { type: 'string', default: '8080' }, 'backend-port': { type: 'string', default: '8081' } },
} as const;

const { values } = parseCommand(command);
const port = portOption(command, 'port', values.port);
const backendPort = portOption(command, 'backend-port', values['backend-port']);
if (backendPort === port) refuse(command, `--port and --backend-port are both ${port}: the two servers need a port each`);
const preview = devServerProcess(port, `http://127.0.0.1:${backendPort}/api/v1`);
supervise({
  ...preview,
  beside: [{ name: "the CMS's local backend (decap-server)", command: [process.execPath, 'scripts/run.mjs', 'dev/local-backend.ts', String(backendPort), `http://localhost:${port}`] }],
});
