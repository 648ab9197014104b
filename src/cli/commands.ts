/**
 * The CLI's subcommands, in `lancaster --help` order.
 *
 * Adding a subcommand is one line here plus its own module `src/cli/<name>.ts` that exports
 * `register<Name>Command(program)`. That module declares the arguments and options and nothing
 * else at load time: it imports only `import type` from commander and light siblings
 * (./errors.ts), and its action loads what it runs with `await import('…')`. So `lancaster --help`
 * (and every other command) loads only commander and these small modules, never a model, zod or
 * fastify. src/cli/commands.test.ts fails when a command module imports anything heavier.
 *
 * @example
 * ```ts
 * // src/cli/sweep.ts
 * export function registerSweepCommand(program: Command): void {
 *   program.command('sweep').argument('<file>').action(async (file) => {
 *     const { runSweep } = await import('../exec/sweep.ts');
 *     await runSweep(file);
 *   });
 * }
 * // here: add `registerSweepCommand,` to COMMANDS (and its import).
 * ```
 */
import type { Command } from '@commander-js/extra-typings';
import { registerSolveCommand } from './solve.ts';
import { registerValidateCommand } from './validate.ts';
import { registerRunCommand } from './run.ts';
import { registerFitCommand } from './fit.ts';
import { registerStrategyCommand } from './strategy.ts';
import { registerNegotiateCommand } from './negotiate.ts';
import { registerGravityCommand } from './gravity.ts';
import { registerAnalyzeCommand } from './analyze.ts';
import { registerSchemaCommand } from './schema.ts';
import { registerDatasetsCommand } from './datasets.ts';
import { registerServeCommand } from '../server/cli.ts';
import { registerSweepCommand } from './sweep.ts';
import { registerWorkerCommand } from './worker.ts';
import { registerRunsCommand } from './runs.ts';

/** Every subcommand's registration, in `--help` order. */
export const COMMANDS: readonly ((program: Command) => void)[] = [
  registerSolveCommand,
  registerValidateCommand,
  registerAnalyzeCommand,
  registerSchemaCommand,
  registerDatasetsCommand,
  registerRunCommand,
  registerFitCommand,
  registerStrategyCommand,
  registerNegotiateCommand,
  registerGravityCommand,
  registerSweepCommand,
  registerWorkerCommand,
  registerServeCommand,
  registerRunsCommand,
];
