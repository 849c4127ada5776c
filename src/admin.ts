/**
 * /admin/: the CMS editors write and publish items in (docs/editing.md). Its page loads
 * Decap's bundle, copied as it is from node_modules into /admin/decap/, then our
 * additions (cms/editor.ts); Decap reads its configuration from /admin/config.yml, made
 * from news.config.ts and the content model (cms/config.ts). No inline script.
 */
import { bundleEditor, type EditorSettings } from '../cms/bundle.ts';
import { renderCmsConfig, type CmsConfigOptions } from '../cms/config.ts';
import { html } from '../layouts/html.ts';
import { sitePath } from '../layouts/links.ts';
import type { RouteData } from '../site/outputs.ts';
import { paths } from '../site/paths.ts';
import type { RenderContext } from './context.ts';

/** /admin/index.html: Decap builds the whole page from these two scripts. */
export function renderAdminPage(_data: RouteData['admin'], _path: string, { config }: RenderContext): string {
  const { site } = config;
  return `<!doctype html>\n${html`<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Edit ${site.title}</title>
<link rel="icon" href="${sitePath(config, paths.icon)}" type="image/svg+xml">
<link rel="cms-config-url" href="${sitePath(config, paths.adminConfig)}" type="text/yaml">
</head>
<body>
<noscript>Editing ${site.title} in the browser needs JavaScript.</noscript>
<script src="${sitePath(config, `${paths.decap}decap-cms.js`)}"></script>
<script src="${sitePath(config, paths.adminScript)}"></script>
</body>
</html>
`}`;
}

/** /admin/config.yml. */
export function renderAdminConfig(options: CmsConfigOptions, _path: string, { config }: RenderContext): string {
  return renderCmsConfig(config, options);
}

/** /admin/editor.js. */
export function renderAdminScript(settings: EditorSettings, _path: string, { rootDir }: RenderContext): string {
  return bundleEditor(settings, rootDir);
}
