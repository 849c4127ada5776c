/**
 * Bundles the embed (embed/news.ts) into one small, minified script with esbuild. Its
 * size is budgeted: under 6 KB gzipped (a test holds it there).
 */
import { buildSync } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'news.ts');

export function bundleEmbed(): string {
  const result = buildSync({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2022'],
    legalComments: 'none',
    write: false,
  });
  return result.outputFiles[0]?.text ?? '';
}
