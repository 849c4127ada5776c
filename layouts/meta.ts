/** Every page's Content-Security-Policy, Open Graph tags, and schema.org NewsArticle data for item pages. */
import { streamTitle, type NewsConfig } from '../lib/config.ts';
import type { Author, NewsItem } from '../lib/model.ts';
import { siteUrl } from '../lib/urls.ts';
import type { RouteName } from '../site/outputs.ts';
import { metaPolicy } from '../site/policy.ts';
import { html, trusted, type SafeHtml } from './html.ts';

/**
 * The policy of the route's pages (site/policy.ts), for hosts that send none of our headers
 * (GitHub Pages). A policy in a <meta> element covers only what comes after it, so it
 * belongs right after <meta charset>.
 */
export function renderPolicyMeta(route: RouteName): SafeHtml {
  return html`<meta http-equiv="Content-Security-Policy" content="${metaPolicy(route)}">`;
}

/** `path` is left out for a page without a URL of its own (404.html), which then has no og:url. */
export function renderSiteMeta(config: NewsConfig, title: string, description: string, path: string | undefined, item?: NewsItem): SafeHtml {
  const site = config.site;
  return html`<meta property="og:site_name" content="${site.title}">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description}">
${path !== undefined && html`<meta property="og:url" content="${siteUrl(site.baseUrl, path)}">\n`}<meta property="og:type" content="${item ? 'article' : 'website'}">
<meta property="og:locale" content="${site.language.replace('-', '_')}">
${item?.image && html`<meta property="og:image" content="${item.image.url}">
<meta property="og:image:alt" content="${item.image.alt}">`}
<meta name="twitter:card" content="summary">`;
}

export function renderArticleMeta(config: NewsConfig, item: NewsItem): SafeHtml {
  const streamTitles = item.streams.map((slug) => streamTitle(config, slug));
  const publisher = { '@type': 'Organization', name: config.site.title, url: config.site.baseUrl };
  const article = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: item.title,
    description: item.summary,
    datePublished: item.date.iso,
    dateModified: (item.updated ?? item.date).iso,
    mainEntityOfPage: item.url,
    url: item.url,
    inLanguage: config.site.language,
    articleSection: streamTitles,
    ...(item.tags.length > 0 && { keywords: item.tags.map((t) => t.name) }),
    author: item.authors.length > 0 ? item.authors.map((a) => ({ '@type': authorType(a), name: a.name, ...(a.url && { url: a.url }) })) : publisher,
    publisher,
    ...(item.organisation && { sourceOrganization: { '@type': 'Organization', name: item.organisation } }),
    ...(item.image && { image: item.image.url }),
    ...(item.link && { isBasedOn: item.link }),
  };
  // "<" is escaped so that no value can close the script element, and everything beyond
  // ASCII too: the page is later written with character references, which JSON in a
  // script element would not decode.
  const json = JSON.stringify(article).replace(/[<\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return html`<meta property="article:published_time" content="${item.date.iso}">
${item.updated && html`<meta property="article:modified_time" content="${item.updated.iso}">`}
${streamTitles.map((s) => html`<meta property="article:section" content="${s}">`)}
${item.tags.map((t) => html`<meta property="article:tag" content="${t.name}">`)}
<script type="application/ld+json">${trusted(json)}</script>`;
}

/** Words that name a group rather than a person: "Pathfinder support team", "Westvale Council". */
const groupWords = new Set([
  'agency', 'association', 'authority', 'board', 'centre', 'college', 'commission', 'committee', 'council', 'department', 'desk', 'directorate',
  'editorial', 'editors', 'england', 'foundation', 'group', 'health', 'inc', 'institute', 'limited', 'ltd', 'network', 'news', 'nhs', 'office',
  'partnership', 'plc', 'programme', 'service', 'services', 'society', 'staff', 'team', 'trust', 'unit', 'university',
]);

/** Lower-case words that belong inside people's names: "Ludwig van Beethoven", "Ana de Souza". */
const nameParticles = new Set(['al', 'bin', 'da', 'de', 'del', 'der', 'di', 'du', 'la', 'le', 'van', 'von']);

/**
 * schema.org type for an author. Content gives authors as names only (an e-mail or a URL
 * says nothing about who is behind it), and most are teams, so a name is taken for a
 * person's only when it looks like one: two to five words, each capitalised (or a particle
 * such as "van"), no digits, and no word that names a group. Anything else is an
 * Organization, which is never wrong for a team and only loses a little for a person.
 */
export function authorType(author: Author): 'Person' | 'Organization' {
  const words = author.name.trim().split(/\s+/);
  const personal = words.length >= 2 && words.length <= 5 && words.every((word) => {
    const bare = word.toLowerCase().replace(/[.,]$/, '');
    return !groupWords.has(bare) && !/\d/.test(word) && (/^\p{Lu}/u.test(word) || nameParticles.has(bare));
  });
  return personal ? 'Person' : 'Organization';
}
