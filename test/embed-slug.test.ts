import path from 'node:path';
import { suite } from './helpers/suite.ts';
import * as assert from 'uvu/assert';
import { slugOf } from '../embed/slug.ts';
import { resolveConfig } from '../lib/config.ts';
import { readNews } from '../lib/news.ts';
import { slugify } from '../lib/slug.ts';
import newsConfig from '../news.config.ts';

const slug = suite('the embed\'s slug of a tag or stream attribute');

slug('agrees with the site\'s slug for every tag and stream the site has', async () => {
  const config = resolveConfig(newsConfig);
  const stream = await readNews({ config, rootDir: path.resolve('.'), now: new Date(), includeDrafts: true });
  const names = [...new Set([...stream.items.flatMap((item) => item.tags.map((tag) => tag.name)), ...config.streams.flatMap((s) => [s.slug, s.title])])];
  assert.ok(names.length > 20, `${names.length} names`);
  assert.equal(names.filter((name) => slugOf(name) !== slugify(name)), []);
});

slug('agrees with the site\'s slug for ASCII and accented letters, whatever the case and punctuation', () => {
  const names = ['Telehealth', 'TELEHEALTH', '  Social care ', 'Whole System Demonstrator & evidence', 'COPD/asthma', 'e-health', 'x--y', 'A_B', 'telecare 24/7', "Carers' week", 'Carers’ week', 'Tele.health', '3ML', 'Café déjà vu', 'naïve', 'Señora', '---', ''];
  assert.equal(names.map(slugOf), names.map(slugify));
});

slug.run();
