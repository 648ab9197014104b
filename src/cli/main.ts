/**
 * The `lancaster` command line. Data goes to stdout, messages to stderr. Exit codes: 0 ok,
 * 1 run-time failure or non-convergence, 2 usage or validation error.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { Command, CommanderError } from '@commander-js/extra-typings';
import { readScenarioFile } from '../scenario/parse.ts';
import { solveScenario, checkScenario } from '../scenario/solve.ts';
import { scenarioJsonSchema } from '../scenario/schema.ts';
import { ScenarioError } from '../scenario/errors.ts';
import { DataError } from '../data/errors.ts';
import { formatResultTable, formatStatus } from './format.ts';
import { datasetsReport } from './datasets.ts';

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

function out(s: string) {
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
}

export function buildProgram() {
  const program = new Command('lancaster')
    .description('Simulate trade wars and trade talks with general-equilibrium models on real data')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('solve')
    .description('Solve the counterfactual of a scenario file and print its results')
    .argument('<file>', 'scenario file (YAML or JSON)')
    .option('--json', 'print the machine-readable result (the contract of scenario-format.md)')
    .option('--countries <codes>', 'comma-separated countries or groups to show in the table')
    .action((file, opts) => {
      const parsed = readScenarioFile(file);
      const r = solveScenario(parsed);
      if (opts.json) out(JSON.stringify(r, null, 2));
      else {
        out(`${parsed.scenario.name}`);
        out(formatResultTable(r, opts.countries?.split(',') ?? parsed.scenario.report?.countries));
        process.stderr.write(`${formatStatus(r)}\n`);
      }
      if (r.status !== 'converged') {
        process.stderr.write(`lancaster: the solve did not converge: ${r.message ?? ''}\nNo numbers above are answers.\n`);
        process.exitCode = EXIT.failure;
      }
    });

  program
    .command('validate')
    .description('Check a scenario file against the schema and its dataset without solving')
    .argument('<file>', 'scenario file (YAML or JSON)')
    .action((file) => {
      const parsed = readScenarioFile(file);
      const { dataset } = checkScenario(parsed);
      out(`${file}: valid (${parsed.scenario.model} on ${dataset.manifest.id})`);
    });

  program
    .command('schema')
    .description('Print the JSON Schema of scenario files')
    .action(() => out(JSON.stringify(scenarioJsonSchema(), null, 2)));

  program
    .command('datasets')
    .description('List the embedded datasets with their sources and citations')
    .option('--json', 'machine-readable list')
    .action((opts) => out(datasetsReport(Boolean(opts.json))));

  return program;
}

/** Runs the CLI on `argv` and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  process.exitCode = 0;
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (e instanceof ScenarioError || e instanceof DataError) {
      process.stderr.write(`${e.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`lancaster: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.failure;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
