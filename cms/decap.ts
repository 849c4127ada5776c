/**
 * Decap CMS's standalone bundle (the `decap-cms` package: React and every widget in one
 * script), published as it is in /admin/decap/, so /admin/ needs no CDN. The bundle loads
 * its lazy chunks from beside itself.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

/** The folder of the bundle in node_modules. */
export const decapFolder = path.dirname(createRequire(import.meta.url).resolve('decap-cms'));

/**
 * The files of that folder to publish: the bundle, its chunks and its licences. Left out:
 * the source maps, the `cms.js` copies Decap keeps for old set-ups, and the WebAssembly
 * image encoder, which only media_processing (not turned on) loads.
 */
export function isDecapFileShipped(name: string): boolean {
  return /^(?:\d+\.)?decap-cms\.js$/.test(name) || name === 'decap-cms.js.LICENSE.txt';
}
