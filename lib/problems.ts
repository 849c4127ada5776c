/**
 * Problems found in content and configuration, and the errors that carry them.
 * Sources and checks never throw on bad input: they return problems, so every
 * problem in every file reaches the editor at once.
 */

export type Severity = 'error' | 'warning';

/** One thing wrong with one field of one file. */
export interface Problem {
  readonly severity: Severity;
  /** Project-relative path, or a partner feed's URL. */
  readonly file: string;
  /** 1-based line of the field in the file, when known. */
  readonly line?: number;
  /** Dotted path of the field, e.g. `attachments.1.url`, or a name for the whole file such as `front matter`. */
  readonly field: string;
  /** What is wrong, quoting the value. */
  readonly message: string;
  /** What to do about it. */
  readonly hint?: string;
}

/** Base of every error this library throws; the names are permanent. */
export class NewsError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Options given to the library have the wrong shape. */
export class NewsConfigError extends NewsError {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(formatReport('3ML News configuration', problems));
    this.problems = problems;
  }
}

/** Content has errors, so nothing is published. */
export class NewsContentError extends NewsError {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(formatReport('content', problems));
    this.problems = problems;
  }
}

/** Orders problems by file, then line, then field, so reports are stable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      compareText(a.field, b.field) ||
      compareText(a.message, b.message),
  );
}

/** `path:line: field: what is wrong (what to do)` */
export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const hint = problem.hint === undefined ? '' : ` (${problem.hint})`;
  return `${where}: ${problem.field}: ${problem.message}${hint}`;
}

/**
 * Every problem, errors first, one per line, under a heading that counts them.
 * `subject` names what was checked, e.g. `content`; `limit` caps the lines per severity.
 */
export function formatReport(subject: string, problems: readonly Problem[], limit = Infinity): string {
  const sections: string[] = [];
  for (const severity of ['error', 'warning'] as const) {
    const found = sortProblems(problems.filter((p) => p.severity === severity));
    if (found.length === 0) continue;
    const noun = found.length === 1 ? severity : `${severity}s`;
    const shown = found.slice(0, limit).map((p) => `  ${formatProblem(p)}`);
    if (found.length > limit) shown.push(`  … and ${found.length - limit} more (npm run check lists them all)`);
    sections.push(`${found.length} ${noun} in ${subject}:\n${shown.join('\n')}`);
  }
  return sections.join('\n');
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
