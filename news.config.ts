/**
 * The one configuration file: site, streams and limits. Add a stream by adding an
 * entry to `streams` and a folder of the same slug under content/.
 * NEWS_ORIGIN and NEWS_PATH_PREFIX override the URL for previews and sub-path hosting.
 */
import { defaultStreams, defineConfig } from './lib/config.ts';

export default defineConfig({
  site: {
    title: '3ML News',
    description:
      'News from the 3millionlives programme: industry, pathfinder sites, social care and public health, in one stream.',
    origin: process.env.NEWS_ORIGIN ?? 'https://news.3millionlives.co.uk',
    pathPrefix: process.env.NEWS_PATH_PREFIX ?? '/',
    language: 'en-GB',
    timeZone: 'Europe/London',
  },
  idAuthority: '3millionlives.co.uk',
  streams: defaultStreams,
  pageSize: 20,
  summaryLength: 200,
  futureAllowanceHours: 36,
  feeds: { subscriptionSize: 20, archivePageSize: 100 },
  // Google's public WebSub hub, which Feedly and Inoreader follow: subscribers hear of news
  // in seconds once npm run ping tells it which feeds changed. An empty list switches WebSub off.
  websub: { hubs: ['https://pubsubhubbub.appspot.com/'] },
  // The CMS at /admin/ (docs/editing.md): it commits what editors save to this repository's branch.
  cms: { backend: { name: 'github', repo: '3millionlives/3ml-news', branch: 'main' } },
});
