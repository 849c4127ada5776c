/**
 * What the site's pages may load and use: a Content-Security-Policy per kind of page and
 * one Permissions-Policy, declared here once. `_headers` and the server examples send them
 * (site/headers.ts), and each page carries its policy in a `<meta>` element as well, for
 * hosts that send no headers of ours (GitHub Pages). Nothing on the site runs inline:
 * every script and stylesheet is a file of its own, so no policy needs `'unsafe-inline'`.
 */
import type { CmsBackend } from '../lib/config.ts';
import { routes, type HeaderSet, type PageHeaderSet, type RouteName } from './outputs.ts';

/** A Content-Security-Policy, directive by directive, sources as written in the header. */
export type Policy = Readonly<Record<string, readonly string[]>>;

/**
 * The site's pages load their own scripts and stylesheets, images from the site and from
 * anywhere over https (an item's lead image, and images in its body, may be elsewhere), and
 * fetch their own files (the embed page's preview reads the JSON Feeds). The search form
 * submits to the site; nothing may frame a page (clickjacking).
 */
const pagePolicy: Policy = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'https:'],
  'connect-src': ["'self'"],
  'form-action': ["'self'"],
  'base-uri': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** The Content-Security-Policy of each kind of page. */
export const contentSecurityPolicies: Readonly<Record<PageHeaderSet, Policy>> = {
  page: pagePolicy,
  // Pagefind's index is searched by WebAssembly, which CSP counts as evaluating code: it
  // allows exactly that ('wasm-unsafe-eval'), never eval(). Its worker is a file of the site,
  // which script-src 'self' allows (worker-src falls back to it).
  'search-page': { ...pagePolicy, 'script-src': ["'self'", "'wasm-unsafe-eval'"] },
  // The iframe pages run no script and fetch nothing; their links open in the partner's window.
  'embed-frame': {
    ...pagePolicy, 'script-src': ["'none'"], 'img-src': ["'self'"], 'connect-src': ["'none'"], 'form-action': ["'none'"], 'frame-ancestors': ['*'],
  },
};

/**
 * The Content-Security-Policy of /admin/, with what Decap needs and nothing more, as
 * measured in Chromium (docs/editing.md): eval (ajv compiles the configuration's schema
 * with `new Function`), inline styles (emotion), blob: URLs for uploads shown and saved.
 * And what its backend talks to, read from Decap's source: GitHub's API, the signed-in
 * editor's avatar and the status page Decap asks every five minutes whether GitHub is up;
 * for Git Gateway, the site's own origin and Netlify's status page. Signing in opens a
 * window of the OAuth endpoint's own, which this policy does not govern. The preview pane
 * is an `about:srcdoc` frame, under this same policy.
 */
export function adminPolicy(backend: CmsBackend): Policy {
  const hosts = backend.name === 'github'
    ? { img: ['https://avatars.githubusercontent.com'], connect: ['https://api.github.com', 'https://www.githubstatus.com'] }
    : { img: [], connect: ['https://www.netlifystatus.com'] };
  return {
    'default-src': ["'none'"],
    'script-src': ["'self'", "'unsafe-eval'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'blob:', ...hosts.img],
    'connect-src': ["'self'", 'blob:', ...hosts.connect],
    'base-uri': ["'self'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
  };
}

/**
 * Powerful features no page uses, refused to the page and to anything it frames, so a
 * script that got in could not ask for them. `browsing-topics` opts the pages out of
 * Chromium's Topics API. FLoC's `interest-cohort`, which Topics replaced, is left out:
 * Chromium no longer knows it, and says so in the console of every page that names it.
 */
const unusedFeatures = [
  'accelerometer', 'browsing-topics', 'camera', 'display-capture', 'geolocation', 'gyroscope', 'hid', 'idle-detection',
  'magnetometer', 'microphone', 'midi', 'payment', 'publickey-credentials-get', 'screen-wake-lock', 'serial', 'usb', 'xr-spatial-tracking',
];

/** The Permissions-Policy header's value. */
export const permissionsPolicy = unusedFeatures.map((feature) => `${feature}=()`).join(', ');

/**
 * A policy as a header's value, or as a `<meta>` element's: a meta policy cannot say who
 * may frame the page (browsers ignore `frame-ancestors` there, with a console error), so
 * it is left out.
 */
export function renderPolicy(policy: Policy, carrier: 'header' | 'meta' = 'header'): string {
  return Object.entries(policy)
    .filter(([directive]) => carrier === 'header' || directive !== 'frame-ancestors')
    .map(([directive, sources]) => [directive, ...sources].join(' '))
    .join('; ');
}

const isPageSet = (set: HeaderSet | undefined): set is PageHeaderSet => set !== undefined && set in contentSecurityPolicies;

/** Each page header set's policy as a `<meta>` carries it, rendered once: every page of the site carries one. */
const metaPolicies = Object.fromEntries(Object.entries(contentSecurityPolicies).map(([set, policy]) => [set, renderPolicy(policy, 'meta')])) as Record<PageHeaderSet, string>;

/** The `<meta>` policy of a route's pages; every route that has pages names a page header set. */
export function metaPolicy(route: RouteName): string {
  const set = routes[route].headers;
  if (!isPageSet(set)) throw new TypeError(`The ${route} route has pages but no Content-Security-Policy: give it a page header set (site/outputs.ts)`);
  return metaPolicies[set];
}
