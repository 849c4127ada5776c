/** What the dev server shows for every page while the content has errors: the report `npm run check` prints. */
import { escapeHtml } from '../layouts/html.ts';
import { formatProblem, sortProblems, type Problem } from '../lib/problems.ts';

export function renderErrorPage(contentDir: string, problems: readonly Problem[]): string {
  const errors = sortProblems(problems.filter((p) => p.severity === 'error'));
  const items = errors.map((problem) => `<li><code>${escapeHtml(formatProblem(problem))}</code></li>`).join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Content has errors – 3ML News preview</title>
<style>body { font: 1rem/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #212b32; } h1 { color: #d5281b; } li { margin: 0 0 0.75rem; } code { white-space: pre-wrap; overflow-wrap: anywhere; }</style>
</head>
<body>
<main>
<h1>${errors.length === 1 ? 'The content has an error' : `The content has ${errors.length} errors`}</h1>
<p>The preview shows this page until ${errors.length === 1 ? 'it is' : 'they are'} fixed; the page reloads by itself when you save. Each line gives the file, the line, the field, what is wrong and what to do, as <code>npm run check</code> prints it.</p>
<ol>
${items}
</ol>
<p>In <code>${escapeHtml(contentDir)}/</code>.</p>
</main>
</body>
</html>
`;
}
