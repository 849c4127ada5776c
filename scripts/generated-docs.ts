/**
 * The parts of docs/ that are made, not written: the response headers and the server
 * examples (from the outputs table, site/headers.ts) and the performance figures (from
 * the bench's results). Each sits between two markers in its document,
 *
 *   <!-- made by npm run docs: NAME -->
 *   …
 *   <!-- end of NAME -->
 *
 * and `npm run docs` writes them again; a test fails while any is out of date.
 */
import { readFileSync } from 'node:fs';
import { resolveConfig } from '../lib/config.ts';
import newsConfig from '../news.config.ts';
import { headerRules, headerValue, renderApache, renderHeadersFile, renderNginx } from '../site/headers.ts';
import { renderTable, type Results as BenchResults } from '../bench/report.ts';

/** Each made part, by the document it is in and its name. */
export function madeParts(results: BenchResults): Record<string, Record<string, string>> {
  // The shipped configuration at the root of its origin, as the examples show it.
  const rules = headerRules(resolveConfig({ ...newsConfig, site: { ...newsConfig.site, pathPrefix: '/' } }));
  const table = [
    '| paths | headers |',
    '| --- | --- |',
    ...rules.map((rule) => `| ${rule.patterns.map((p) => `\`${p}\``).join(', ')} | ${rule.headers.map((h) => `\`${h.name}: ${headerValue(h, '{path}')}\``).join(', ')} |`),
  ].join('\n');
  return {
    'docs/hosting.md': {
      'headers-table': table,
      'headers-file': `\`\`\`\n${renderHeadersFile(rules)}\`\`\``,
      nginx: `\`\`\`nginx\n${renderNginx(rules)}\`\`\``,
      apache: `\`\`\`apache\n${renderApache(rules)}\`\`\``,
    },
    'docs/performance.md': { 'bench-table': `\`\`\`\n${renderTable(results)}\n\`\`\`` },
  };
}

/** `text` with each made part replaced; throws naming a part whose markers are missing. */
export function withMadeParts(file: string, text: string, parts: Record<string, string>): string {
  let result = text;
  for (const [name, content] of Object.entries(parts)) {
    const start = `<!-- made by npm run docs: ${name} -->`;
    const end = `<!-- end of ${name} -->`;
    const from = result.indexOf(start);
    const to = result.indexOf(end);
    if (from === -1 || to < from) throw new Error(`${file} has no place for "${name}": put the lines "${start}" and "${end}" where it goes`);
    result = `${result.slice(0, from + start.length)}\n${content}\n${result.slice(to)}`;
  }
  return result;
}

/** Every document with made parts, as it should read now. */
export function renderDocs(resultsFile = 'bench/results/latest.json'): Map<string, string> {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as BenchResults;
  return new Map(Object.entries(madeParts(results)).map(([file, parts]) => [file, withMadeParts(file, readFileSync(file, 'utf8'), parts)]));
}
