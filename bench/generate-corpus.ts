/**
 * `npm run corpus -- --items 2000 --out DIR [--hostile] [--seed N]`: writes a generated
 * content folder that follows the content model (see bench/corpus.ts).
 */
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.ts';

const usage = `Usage: npm run corpus -- --items N --out DIR [--hostile] [--seed N]

Writes N generated items under DIR/<stream>/<year>/ (DIR is emptied first).
--hostile puts control characters, "]]>", markup, lone surrogates, right-to-left
overrides and emoji into every text field, to test that feeds stay valid.`;

const { values } = parseArgs({
  options: {
    items: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' },
    hostile: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' },
  },
});
if (values.help || values.items === undefined || values.out === undefined || !/^\d+$/.test(values.items)) {
  console.log(usage);
  process.exit(values.help ? 0 : 1);
}
const written = generateCorpus({ dir: values.out, items: Number(values.items), hostile: values.hostile, ...(values.seed && { seed: Number(values.seed) }) });
console.log(`Wrote ${written} items to ${values.out}${values.hostile ? ' (hostile)' : ''}.`);
