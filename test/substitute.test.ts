/** One item put in place of another throughout a site (site/substitute.ts), as the dev server's quick edit does. */
import * as assert from 'uvu/assert';
import { buildSite } from '../site/build.ts';
import { fingerprint } from '../site/fingerprint.ts';
import { placeItems, substituteItem } from '../site/substitute.ts';
import { collectFrom, item } from './helpers/content.ts';
import { suite } from './helpers/suite.ts';

const substitute = suite('substituting an item');

async function siteOf() {
  const { stream } = await collectFrom({
    'industry/2013/a.md': item({ title: 'Alpha', date: '2013-03-01', tags: '[telecare, carers]', streams: '[social-care]' }),
    'industry/2013/b.md': item({ title: 'Bravo', date: '2013-03-02', tags: '[telecare]' }),
    'pathfinder/2013/c.md': item({ title: 'Charlie', date: '2013-03-03', tags: '[carers]' }),
  });
  return buildSite(stream, { rootDir: '.', contentDir: 'content' });
}

substitute('changes exactly the outputs whose data hold the item, in the site\'s order, and what they show of it', async () => {
  const site = await siteOf();
  const old = site.stream.items.find((i) => i.title === 'Alpha')!;
  const fresh = { ...old, title: 'Alpha, retitled' };
  const changed = substituteItem(site, old, fresh);
  // Every output whose fingerprint the new item changes, and no other.
  const swapped = new Map(changed.map((output) => [output.path, output]));
  const differs = site.outputs.filter((output) => {
    const other = swapped.get(output.path);
    return other !== undefined && fingerprint(other) !== fingerprint(output);
  }).map((output) => output.path);
  assert.equal(changed.map((output) => output.path), differs);
  // The three sections it is in (the whole stream, its streams, its two tags): their pages, feeds' pages, frames and
  // feeds; the pages of the items that list it as related or as a neighbour; its year.
  const sections = ['/', '/industry/', '/social-care/', '/tags/carers/', '/tags/telecare/'];
  assert.equal(changed.map((output) => output.path), [
    ...sections.flatMap((section) => [section, `${section}feed/`, `/embed/frame${section}`]),
    '/pathfinder/2013/c/', '/industry/2013/b/', '/industry/2013/a/', '/archive/2013/',
    ...sections.flatMap((section) => ['rss.xml', 'atom.xml', 'feed.json'].map((file) => `${section}${file}`)),
  ]);
  // The site itself is left as it was.
  assert.is(site.outputs.some((output) => JSON.stringify(output.data).includes('Alpha, retitled')), false);
});

substitute('with the places worked out beforehand, the same outputs come out, without a walk through the site', async () => {
  const site = await siteOf();
  const places = await placeItems(site);
  // A slice of the outputs at a time (here a few), each in a turn of the event loop, comes to the same.
  assert.equal([...(await placeItems(site, 3))], [...places]);
  for (const old of site.stream.items) {
    const fresh = { ...old, summary: `${old.summary} More.` };
    assert.equal(substituteItem(site, old, fresh, places).map((o) => [o.path, fingerprint(o)]), substituteItem(site, old, fresh).map((o) => [o.path, fingerprint(o)]), old.title);
  }
});

substitute.run();
