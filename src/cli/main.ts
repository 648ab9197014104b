/**
 * The `lancaster` command line. Data goes to stdout, messages to stderr. Exit codes: 0 ok,
 * 1 run-time failure or non-convergence, 2 usage or validation error.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { Command, CommanderError } from '@commander-js/extra-typings';
import { ScenarioError } from '../scenario/errors.ts';
import { DataError } from '../data/errors.ts';
import { registerServeCommand } from '../server/cli.ts';
import { registerRunCommand } from './run.ts';
import { registerStrategyCommand } from './strategy.ts';
import { registerNegotiateCommand } from './negotiate.ts';

/** Bad user input found by a library that throws TypeError/RangeError (exit 2, not a crash). */
class InputError extends Error {}

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
    .action(async (file, opts) => {
      // Commands load their modules lazily: start-up stays fast and one command needs only its code.
      const { readScenarioFile } = await import('../scenario/parse.ts');
      const { solveScenario } = await import('../scenario/solve.ts');
      const { formatResultTable, formatStatus } = await import('./format.ts');
      const parsed = readScenarioFile(file);
      if (parsed.scenario.timeline) {
        // A timeline: every step solved in order (contract: `steps: [{date, label, countries}]`).
        const { checkScenario } = await import('../scenario/solve.ts');
        const { runTimeline } = await import('../scenario/runTimeline.ts');
        checkScenario(parsed);
        const t = runTimeline(parsed);
        if (opts.json) out(JSON.stringify(t, null, 2));
        else {
          out(`${parsed.scenario.name}`);
          for (const s of t.steps) {
            out(`\n${s.date}  ${s.label}${s.solved ? '' : '  (no policy change)'}`);
            if (s.solved) out(formatResultTable({ ...s, model: t.model, dataset: t.dataset }, opts.countries?.split(',') ?? parsed.scenario.report?.countries));
          }
          process.stderr.write(`${t.model} on ${t.dataset}: ${t.status}, ${t.steps.length} steps, ${(t.seconds * 1000).toFixed(0)} ms\n`);
        }
        if (t.status !== 'converged') {
          process.stderr.write('lancaster: a step did not converge; its numbers are not answers.\n');
          process.exitCode = EXIT.failure;
        }
        return;
      }
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
    .action(async (file) => {
      const { readScenarioFile } = await import('../scenario/parse.ts');
      const { checkScenario } = await import('../scenario/solve.ts');
      const parsed = readScenarioFile(file);
      const { dataset } = checkScenario(parsed);
      out(`${file}: valid (${parsed.scenario.model} on ${dataset.manifest.id})`);
    });

  program
    .command('analyze')
    .description('Analyse a negotiation domain (GENIUS XML): outcomes, Pareto frontier, Nash, Kalai–Smorodinsky, egalitarian, utilitarian')
    .argument('<domain>', 'GENIUS domain file')
    .argument('<profileA>', 'GENIUS profile of party A')
    .argument('<profileB>', 'GENIUS profile of party B')
    .option('--json', 'machine-readable analysis')
    .action(async (domain, a, b, opts) => {
      const { analyzeGeniusFiles } = await import('../negotiate/index.ts');
      let r;
      try {
        r = analyzeGeniusFiles(domain, a, b, { disagreement: [0, 0] });
      } catch (e) {
        if (e instanceof TypeError || e instanceof RangeError || (e as NodeJS.ErrnoException).code === 'ENOENT') throw new InputError((e as Error).message);
        throw e;
      }
      if (opts.json) return out(JSON.stringify(r, null, 2));
      const f = (p: { utility: number[] } | null) => (p ? `(${p.utility.map((u) => u.toFixed(4)).join(', ')})` : 'none');
      out([
        `${r.outcomes} outcomes${r.sampled ? ' (sampled)' : ''}, ${r.pareto.length} Pareto-optimal`,
        `Nash ${f(r.nash)}  Kalai–Smorodinsky ${f(r.kalai_smorodinsky)}  egalitarian ${f(r.egalitarian)}  utilitarian ${f(r.utilitarian)}`,
      ].join('\n'));
    });

  program
    .command('schema')
    .description('Print the JSON Schema of scenario files')
    .action(async () => {
      const { scenarioJsonSchema } = await import('../scenario/schema.ts');
      out(JSON.stringify(scenarioJsonSchema(), null, 2));
    });

  program
    .command('datasets')
    .description('List the embedded datasets with their sources and citations')
    .option('--json', 'machine-readable list')
    .action(async (opts) => {
      const { datasetsReport } = await import('./datasets.ts');
      out(datasetsReport(Boolean(opts.json)));
    });

  registerRunCommand(program);
  registerStrategyCommand(program);
  registerNegotiateCommand(program);
  registerServeCommand(program);
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
    if (e instanceof ScenarioError || e instanceof DataError || e instanceof InputError) {
      process.stderr.write(`${e.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`lancaster: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.failure;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  // Exit only once stdout has flushed: a piped --json result can be larger than one pipe buffer.
  main(process.argv.slice(2)).then((code) => process.stdout.write('', () => process.exit(code)));
}
