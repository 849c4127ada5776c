/**
 * decap-server, the CMS's local backend, in a process of its own for `npm run edit`
 * (scripts/edit.ts): it writes what the CMS saves into the working copy. It asks no one who
 * they are and can write anywhere in the project, so it listens on 127.0.0.1 only and
 * lets only the dev server's page call it from a browser. Its settings are made here before it loads, so a
 * `.env` file, which it reads, cannot change them. It stops when `npm run edit` does, and
 * when that process goes away without a word.
 *
 *   node scripts/run.mjs dev/local-backend.ts <port> <origin of the dev server>
 */
import { createRequire } from 'node:module';

const [port = '8081', origin = 'http://localhost:8080'] = process.argv.slice(2);
Object.assign(process.env, { PORT: port, BIND_HOST: '127.0.0.1', ORIGIN: origin, MODE: 'fs', GIT_REPO_DIRECTORY: process.cwd(), LOG_LEVEL: 'warn' });

process.on('uncaughtException', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') {
    console.error(`[3ML News] The CMS's local backend cannot listen on 127.0.0.1:${port}, which something else uses: stop that, or choose another port with --backend-port.`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
// Ctrl-C reaches every process of the terminal: this one waits to be stopped by npm run edit, so both go as one.
process.on('SIGINT', () => {});
process.on('disconnect', () => process.exit(0));
createRequire(import.meta.url)('decap-server/dist/index.js');
