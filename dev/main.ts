/**
 * The dev server's process, started (and restarted when the code changes) by
 * `npm start` (scripts/start.ts) and `npm run edit` (scripts/edit.ts), which also gives
 * it decap-server's API for the CMS to save through. It stops, closing the server and the
 * watcher, on SIGINT or SIGTERM, and when the process that started it goes away.
 */
import { previewDir, settingsFromEnvironment } from '../pipeline/settings.ts';
import { paths } from '../site/paths.ts';
import { startDevServer } from './server.ts';

const port = Number(process.argv[2] ?? 8080);
const localBackend = process.argv[3];
const settings = settingsFromEnvironment({ includeDrafts: true, ...(localBackend && { localBackend }) });
const outputDir = previewDir(settings.cacheDir);
const server = await startDevServer({ settings, outputDir, port });
console.log(`[3ML News] Preview with drafts at ${server.url} (built into ${outputDir}/, never published). Ctrl-C stops it.`);
if (localBackend) console.log(`[3ML News] Edit in the browser at ${server.url}${paths.admin.slice(1)}: what you save there is written into ${settings.contentDir}/ (through ${localBackend}), and shown here.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close();
  process.exit(0);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop());
process.on('disconnect', () => void stop());
