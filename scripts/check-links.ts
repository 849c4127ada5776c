/**
 * `npm run check:links`: every link, image, script, stylesheet and other reference in the
 * built site's pages, sitemaps and stylesheets, each broken one printed. Exits 1 when any
 * is broken, 2 when it cannot check.
 */
import { parseArgs } from 'node:util';
import { resolveConfig } from '../lib/index.ts';
import newsConfig from '../news.config.ts';
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

Exits 1 when any reference is broken.`;

function parseOptions() {
  try {
    return parseArgs({
      options: { site: { type: 'string', default: '_site' }, 'base-url': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
}

/** `Checked 212 pages, 1 sitemap and 3 stylesheets: 5,120 references (310 to other sites), 0 broken.` */
function renderSummary(report: LinkReport): string {
  const count = (n: number, noun: string) => `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;
  const others = report.external.toLocaleString('en-GB');
  const brokenCount = report.problems.length.toLocaleString('en-GB');
  const files = `${count(report.pages, 'page')}, ${count(report.sitemaps, 'sitemap')} and ${count(report.stylesheets, 'stylesheet')}`;
  return `Checked ${files}: ${count(report.references, 'reference')} (${others} to other sites), ${brokenCount} broken.`;
}

const values = parseOptions();
if (values.help) {
  console.log(usage);
  process.exit(0);
}

try {
  const baseUrl = values['base-url'] ?? resolveConfig(newsConfig).site.baseUrl;
  const report = checkLinks({ siteDir: values.site, baseUrl });
  for (const problem of report.problems) console.log(`${problem.page}: ${problem.url} (${problem.reason})`);
  console.log(renderSummary(report));
  process.exitCode = report.problems.length > 0 ? 1 : 0;
} catch (error) {
  if (!(error instanceof LinkCheckError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
