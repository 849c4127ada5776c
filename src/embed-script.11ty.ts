/** /embed/v1/news.js: the embed script. The major version is in the path, so a pasted snippet never breaks. */
import { bundleEmbed } from '../embed/bundle.ts';
import type { NewsSite } from '../lib/index.ts';

export const data = { permalink: '/embed/v1/news.js', eleventyExcludeFromCollections: true };

export function render({ news }: { news: NewsSite }): string {
  const { site, feeds } = news.config;
  return bundleEmbed({ timeZone: site.timeZone, language: site.language, maxItems: feeds.subscriptionSize });
}
