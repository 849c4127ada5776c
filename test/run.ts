/**
 * The test runner: uvu's, in two tiers.
 *
 *   node --import tsx test/run.ts fast [pattern]   test/*.test.ts: in-process, seconds (npm test)
 *   node --import tsx test/run.ts full [pattern]   test/full/*.test.ts: browser, commands, feed readers
 *   node --import tsx test/run.ts all [pattern]    both (npm run test:all, and CI)
 *
 * Two things uvu 0.5.6 lets pass are failures here. A suite whose `before` hook throws
 * runs none of its tests, and uvu, returning from inside `finally`, counts that as a pass:
 * each suite's tests that did not run fail the run. And the full tier needs Chromium and
 * feedparser: without them it fails at once, naming the step that installs them, rather
 * than passing with its tests skipped.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Runner = () => Promise<[errors: string | true, ran: number, skipped: number, total: number]>;

declare global {
  // eslint-disable-next-line no-var
  var UVU_DEFER: number;
  // eslint-disable-next-line no-var
  var UVU_INDEX: number;
  // eslint-disable-next-line no-var
  var UVU_QUEUE: (string | Runner)[][];
}

const testDir = path.dirname(fileURLToPath(import.meta.url));
const tiers = { fast: [testDir], full: [path.join(testDir, 'full')], all: [testDir, path.join(testDir, 'full')] };
const [tierName = 'fast', pattern] = process.argv.slice(2);
if (!(tierName in tiers)) {
  console.error(`test/run.ts: "${tierName}" is not a tier: write fast, full or all`);
  process.exit(2);
}
const tier = tierName as keyof typeof tiers;

/** What the full tier drives, and how to install it. */
function missingTools(): string[] {
  const missing: string[] = [];
  if (!existsSync('/usr/bin/chromium')) missing.push("Debian's Chromium (/usr/bin/chromium), for the browser tests");
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import feedparser'], { stdio: 'ignore' });
  } catch {
    missing.push("Debian's python3-feedparser, which reads our feeds back as feed readers do");
  }
  return missing;
}

if (tier !== 'fast') {
  const missing = missingTools();
  if (missing.length > 0) {
    console.error(`The full test suite cannot run without:\n${missing.map((m) => `  - ${m}`).join('\n')}\nInstall them with: npm run test:packages (as root)`);
    process.exit(1);
  }
}

const files = tiers[tier]
  .flatMap((dir) => readdirSync(dir).filter((name) => name.endsWith('.test.ts')).map((name) => path.join(dir, name)))
  .filter((file) => pattern === undefined || new RegExp(pattern).test(path.relative(testDir, file)))
  .sort();
if (files.length === 0) {
  console.error(`test/run.ts: no test file in the ${tier} tier matches "${pattern}"`);
  process.exit(1);
}

process.env.FORCE_COLOR ??= '1';
globalThis.UVU_DEFER = 1;
const uvu = await import('uvu');
globalThis.UVU_QUEUE = globalThis.UVU_QUEUE ?? [];
for (const [index, file] of files.entries()) {
  globalThis.UVU_INDEX = index;
  globalThis.UVU_QUEUE.push([path.relative(testDir, file)]);
  await import(pathToFileURL(file).href);
}

// Every suite's tests that never ran (a `before` hook threw, say) fail the run.
for (const group of globalThis.UVU_QUEUE) {
  for (let i = 1; i < group.length; i++) {
    const run = group[i] as Runner;
    group[i] = async () => {
      const [errors, ran, skipped, total] = await run();
      const failed = errors === true ? 0 : (errors.match(/ FAIL /g) ?? []).length;
      const unrun = total - ran - skipped - failed;
      if (unrun <= 0) return [errors, ran, skipped, total];
      const note = `  ${unrun} of ${total} tests did not run: a before or after hook of their suite failed (its error is above, or it was swallowed; run the file alone to see it).`;
      return [errors === true ? note : `${errors}\n${note}`, ran, skipped, total];
    };
  }
}
await uvu.exec();
