/**
 * The `lancaster` command line. Data goes to stdout, messages to stderr. Exit codes: 0 ok,
 * 1 run-time failure or non-convergence, 2 usage or validation error. The subcommands are listed
 * in ./commands.ts and load their modules lazily, so start-up (and `--help`) stays fast.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { Command, CommanderError } from '@commander-js/extra-typings';
import { ScenarioError } from '../spec/errors.ts';
import { DataError } from '../data/errors.ts';
import { COMMANDS } from './commands.ts';
import { EXIT, InputError } from './errors.ts';

export { EXIT } from './errors.ts';

/**
 * The CLI program with every subcommand registered.
 *
 * @example
 * ```ts
 * await buildProgram().parseAsync(['validate', 'scenarios/nafta-cp2015.yaml'], { from: 'user' });
 * ```
 */
export function buildProgram() {
  const program = new Command('lancaster')
    .description('Simulate trade wars and trade talks with general-equilibrium models on real data')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const register of COMMANDS) register(program);
  return program;
}

/**
 * Runs the CLI on `argv` (without `node` and the script) and returns the exit code.
 *
 * @example
 * ```ts
 * const code = await main(['solve', 'scenarios/nafta-cp2015.yaml', '--json']); // 0
 * ```
 */
export async function main(argv: string[]): Promise<number> {
  process.exitCode = 0;
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (e instanceof ScenarioError || e instanceof DataError || e instanceof InputError) {
      process.stderr.write(`${e.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`lancaster: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.failure;
  }
}

/** Runs the CLI on this process's arguments and exits once stdout has flushed. */
export function runCli(argv: string[] = process.argv.slice(2)): void {
  // Exit only once stdout has flushed: a piped --json result can be larger than one pipe buffer.
  void main(argv).then((code) => process.stdout.write('', () => process.exit(code)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) runCli();
