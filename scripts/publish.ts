/**
 * A build for publishing, as `npm run build` and `npm run build:site` run it: the reading
 * threads started at once (pipeline/parallel.ts), while Eleventy loads, then the site
 * built into the folder. Content and configuration errors are printed once, with a line
 * saying nothing was published.
 */
import { NewsConfigError } from '../lib/problems.ts';
import { startBuildPool } from '../pipeline/parallel.ts';
import type { BuildSettings } from '../pipeline/settings.ts';
import { trace } from '../pipeline/trace.ts';

/** Builds the site with `settings` into `outputDir`; false, with the report printed, when the content or configuration has errors. */
export async function publishSite(settings: BuildSettings, outputDir: string, command: string): Promise<boolean> {
  const pool = startBuildPool(settings, new Date());
  trace('workers started');
  try {
    const { buildWithEleventy, ContentHasErrors } = await import('../eleventy.config.ts');
    trace('Eleventy loaded');
    try {
      await buildWithEleventy(settings, outputDir, { pool });
      return true;
    } catch (error) {
      if (!(error instanceof ContentHasErrors || error instanceof NewsConfigError)) throw error;
      console.error(`${error.message}\n\n${command}: nothing was published. Fix the problems above; npm run check lists them without building.`);
      return false;
    }
  } finally {
    await pool?.close();
  }
}
