/**
 * `npm run check:links`: every link, image, script, stylesheet and other reference in the
 * built site's pages, sitemaps and stylesheets, each broken one printed. Exits 1 when any
 * is broken, 2 when it cannot check.
 */
import { settingsFromEnvironment } from '../pipeline/settings.ts';
import { formatProblem } from '../lib/problems.ts';
import { isSearchIndexFile } from '../site/outputs.ts';
import { manifestFile, outputFile, readManifest } from '../site/write.ts';
import { parseCommand } from './cli.ts';
import { checkLinks, LinkCheckError, type LinkReport } from './link-checker.ts';

const usage = `Usage: npm run check:links [-- --site DIR] [--base-url URL]

Checks every reference in the built site and prints each broken one: in pages
(links, images and srcset, scripts, stylesheets, frames, forms, audio and video,
og:image and twitter:image), in sitemaps (sitemap*.xml: each <loc>, which must be
a page of the site) and in stylesheets (url() and @import):

  file: url (reason)

  --site DIR        the built site (default: _site)
  --base-url URL    the address the site is served at, ending in /
                    (default: from news.config.ts, which honours NEWS_ORIGIN
                    and NEWS_PATH_PREFIX)

When the site was built here, its folder must hold exactly the files the build
declared: a file left over or missing is a problem too.

Exits 1 when anything is broken, 2 when it cannot check.`;

/** `Checked 212 pages, 1 sitemap and 3 stylesheets: 5,120 references (310 to other sites), 0 broken.` */
function renderSummary(report: LinkReport): string {
  const count = (n: number, noun: string) => `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;
  const others = report.external.toLocaleString('en-GB');
  const brokenCount = report.problems.length.toLocaleString('en-GB');
  const files = `${count(report.pages, 'page')}, ${count(report.sitemaps, 'sitemap')} and ${count(report.stylesheets, 'stylesheet')}`;
  return `Checked ${files}: ${count(report.references, 'reference')} (${others} to other sites), ${brokenCount} broken.`;
}

const { values } = parseCommand({ name: 'npm run check:links', usage, options: { site: { type: 'string', default: '_site' }, 'base-url': { type: 'string' } } });

/** The files the build into `site` declared, when it was built here. */
function declaredFiles(site: string, cacheDir: string): Set<string> | undefined {
  const manifest = readManifest(manifestFile(cacheDir, site));
  return manifest && new Set(Object.keys(manifest.outputs).map(outputFile));
}

try {
  const settings = settingsFromEnvironment();
  const baseUrl = values['base-url'] ?? settings.config.site.baseUrl;
  const declared = declaredFiles(values.site, settings.cacheDir);
  // The search index, written after the build by its own step, is kept as the build keeps it.
  const report = checkLinks({ siteDir: values.site, baseUrl, ...(declared && { declared, kept: isSearchIndexFile }) });
  for (const problem of report.problems) console.log(formatProblem(problem));
  console.log(renderSummary(report));
  process.exitCode = report.problems.length > 0 ? 1 : 0;
} catch (error) {
  if (!(error instanceof LinkCheckError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
