/** What the link checker finds in the fixture sites (test/fixtures/links/), as the tests expect it. */
import type { Problem } from '../../lib/problems.ts';

/** The fixture site's problems: one of each kind; every other reference in it is fine. */
export const siteProblems = [
  { page: 'assets/broken.css', url: '', reason: 'not readable as CSS: Unclosed block at line 1' },
  { page: 'assets/site.css', url: '/fonts/body.woff2', reason: 'no file fonts/body.woff2' },
  { page: 'assets/site.css', url: 'missing.png', reason: 'no file assets/missing.png' },
  { page: 'assets/site.css', url: 'print.css', reason: 'no file assets/print.css' },
  { page: 'based/index.html', url: '2014/', reason: 'no file industry/2014/index.html' },
  { page: 'broken/index.html', url: '#summary', reason: 'no element with id "summary" in broken/index.html' },
  { page: 'broken/index.html', url: '/assets/print.css', reason: 'no file assets/print.css' },
  { page: 'broken/index.html', url: '/files/annual%2report.pdf', reason: 'malformed percent-encoding in the path' },
  { page: 'broken/index.html', url: '/images/kent-1200.jpg', reason: 'no file images/kent-1200.jpg' },
  { page: 'broken/index.html', url: '/images/kent-1600.jpg', reason: 'no file images/kent-1600.jpg' },
  { page: 'broken/index.html', url: '/industry', reason: 'links to a folder without the trailing slash (add the / to reach industry/index.html)' },
  { page: 'broken/index.html', url: '/industry/#results', reason: 'no element with id "results" in industry/index.html' },
  { page: 'broken/index.html', url: '/industry/2013/missing/', reason: 'no file industry/2013/missing/index.html' },
  { page: 'broken/index.html', url: 'http://news example.org/', reason: 'not a valid URL' },
  { page: 'broken/index.html', url: 'https://news.example.org/images/share.png', reason: 'no file images/share.png' },
  { page: 'broken/index.html', url: 'javascript:void(0)', reason: 'a javascript: URL (link to a page, or use a button)' },
  { page: 'sitemap.xml', url: '/about/', reason: 'not an absolute URL (a sitemap lists full addresses)' },
  { page: 'sitemap.xml', url: 'https://news.example.org/industry/2012/gone/', reason: 'no file industry/2012/gone/index.html' },
  { page: 'sitemap.xml', url: 'https://www.example.org/elsewhere/', reason: "not on the site's origin https://news.example.org (a sitemap lists only its own site's pages)" },
];

export const prefixedProblems = [
  { page: '404.html', url: '/assets/site.css', reason: "outside the site's path prefix /news/" },
  { page: 'index.html', url: '../', reason: "outside the site's path prefix /news/" },
  { page: 'index.html', url: '/industry/', reason: "outside the site's path prefix /news/" },
  { page: 'index.html', url: '/news', reason: 'links to a folder without the trailing slash (add the / to reach index.html)' },
  { page: 'index.html', url: 'https://www.example.org/about/', reason: "outside the site's path prefix /news/" },
  { page: 'industry/index.html', url: '/news/industry', reason: 'links to a folder without the trailing slash (add the / to reach industry/index.html)' },
];

/** Expected problems in the project's one problem shape: the file, the URL as the field, the reason. */
export function linkProblems(expected: readonly { page: string; url: string; reason: string }[]): Problem[] {
  return expected.map(({ page, url, reason }) => ({ severity: 'error', file: page, field: url || 'file', message: reason }));
}
