/**
 * Bundles what 3ML News adds to Decap CMS (cms/editor.ts) into one script for /admin/,
 * with esbuild, as the embed is bundled (embed/bundle.ts): the site's settings are
 * written into it, and the library's own id and slug rules come with it.
 */
import type { CmsSlug } from 'decap-cms-core';
import { buildSync } from 'esbuild';
import path from 'node:path';
import type { KnownField } from '../lib/content/front-matter.ts';

/** What the editor script takes from the site's configuration. */
export interface EditorSettings {
  /** The authority of the ids it writes (`idAuthority`). */
  readonly idAuthority: string;
  /** The zone of dates written without an offset, and of the publication day. */
  readonly timeZone: string;
  readonly language: string;
  /** How far ahead an item that is not a draft may be dated. */
  readonly futureAllowanceHours: number;
  readonly siteTitle: string;
  /** Each stream's title, by slug: one collection each. */
  readonly streams: Readonly<Record<string, string>>;
  /** The site's stylesheet, for the preview pane. */
  readonly stylesheet: string;
  /** Decap's rules for file names (`slug` in config.yml). */
  readonly fileSlug: CmsSlug;
  /** What the form calls each field. */
  readonly labels: { readonly [F in KnownField]: string };
}

/** The editor script, bundled from its source in `rootDir` (the project's root). */
export function bundleEditor(settings: EditorSettings, rootDir: string): string {
  const result = buildSync({
    entryPoints: [path.join(rootDir, 'cms', 'editor.ts')],
    bundle: true,
    format: 'iife',
    target: ['es2022'],
    // Beside Decap's 5 MB, a few kilobytes saved would cost editors readable names in the console.
    minify: false,
    legalComments: 'eof',
    define: { CMS_SETTINGS: JSON.stringify(settings) },
    write: false,
  });
  return result.outputFiles[0]?.text ?? '';
}
