/**
 * Bundles the embed (embed/news.ts) into one small, minified script with esbuild. Its
 * size is budgeted: under 6 KB gzipped (a test holds it there). The site's settings the
 * script needs are written into it at build time, so it needs nothing but its feeds.
 */
import { buildSync } from 'esbuild';
import path from 'node:path';

/** What the embed takes from the site's configuration. */
export interface EmbedSettings {
  /** The IANA zone dates are shown in, e.g. Europe/London (the site's, not the viewer's). */
  readonly timeZone: string;
  /** The language of dates when the partner's choice (or page) names none the browser has. */
  readonly language: string;
  /** The fewest items a subscription feed carries once it has that many (feeds.subscriptionSize): the most `limit` can promise. */
  readonly maxItems: number;
}

/** The embed script, bundled from its source in `rootDir` (the project's root). */
export function bundleEmbed(settings: EmbedSettings, rootDir: string): string {
  const result = buildSync({
    entryPoints: [path.join(rootDir, 'embed', 'news.ts')],
    bundle: true,
    minify: true,
    // A classic script, which also runs as <script type="module">: news.ts finds its own URL either way.
    format: 'iife',
    target: ['es2022'],
    legalComments: 'none',
    define: { EMBED_SETTINGS: JSON.stringify(settings) },
    write: false,
  });
  return result.outputFiles[0]?.text ?? '';
}
