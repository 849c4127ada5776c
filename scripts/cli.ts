/**
 * The one argument parser of the project's commands: node's `parseArgs`, strict. An
 * unknown option or a missing value is one line naming it, then the usage, and exit
 * code 2; `--help` prints the usage and exits 0. No command prints a stack trace for a
 * mistake in how it was called.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Command<O extends Options> {
  /** As people type it, e.g. `npm run check`. */
  readonly name: string;
  readonly usage: string;
  readonly options: O;
  /** Whether it takes arguments besides its options. */
  readonly positionals?: boolean;
}

type Values<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>['values'];

export function parseCommand<O extends Options>(command: Command<O>, args = process.argv.slice(2)): { values: Values<O>; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: command.positionals ?? false, strict: true });
  } catch (error) {
    refuse(command, (error as Error).message);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(command.usage);
    process.exit(0);
  }
  return parsed as { values: Values<O>; positionals: string[] };
}

/** The value of a port option, e.g. `--port`; refuses anything but a port number. */
export function portOption(command: Pick<Command<Options>, 'name' | 'usage'>, option: string, value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) refuse(command, `--${option} "${value}" is not a port number (a whole number from 1 to 65535)`);
  return port;
}

/** Stops the command over how it was called: the reason, the usage, exit code 2. */
export function refuse(command: Pick<Command<Options>, 'name' | 'usage'>, reason: string): never {
  console.error(`${command.name}: ${reason.replace(/\. To specify a positional argument.*$/s, '')}\n\n${command.usage}`);
  process.exit(2);
}
