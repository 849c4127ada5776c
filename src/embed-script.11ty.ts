/** /embed/v1/news.js: the embed script. The major version is in the path, so a pasted snippet never breaks. */
import { bundleEmbed } from '../embed/bundle.ts';

export const data = { permalink: '/embed/v1/news.js', eleventyExcludeFromCollections: true };

export function render(): string {
  return bundleEmbed();
}
