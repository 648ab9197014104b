/**
 * `lancaster solve FILE [--json] [--countries A,B]`: solves a scenario's counterfactual (or every
 * step of its timeline) and prints the result table or the result contract. Exit 1 when a solve did
 * not converge (its numbers are not answers), 2 for validation errors.
 */
import type { Command } from '@commander-js/extra-typings';
import type { Dataset } from '../data/dataset.ts';
import type { ParsedScenario } from '../scenario/parse.ts';
import * as msg from '../spec/messages/cli.ts';
import { EXIT, InputError, NO_ANSWER, out } from './errors.ts';

/**
 * Adds `solve` to the CLI program.
 *
 * @example
 * ```ts
 * registerSolveCommand(program); // lancaster solve scenarios/nafta-cp2015.yaml --json
 * ```
 */
export function registerSolveCommand(program: Command): void {
  program
    .command('solve')
    .description('Solve the counterfactual of a scenario file and print its results')
    .argument('<file>', 'scenario file (YAML or JSON)')
    .option('--json', 'print the machine-readable result (the contract of scenario-format.md)')
    .option(
      '--countries <codes>',
      "comma-separated countries or groups to show in the table (the dataset's codes: unknown ones exit 2)",
    )
    .option(
      '--redis <url>',
      'solve on the BullMQ queue on this Redis (a `lancaster worker` computes it; ' +
        'default $LANCASTER_REDIS_URL); in this process otherwise',
    )
    .option('--queue <name>', 'queue base name (the code hash is appended)', 'lancaster')
    .action(async (file, opts) => {
      // One await for the three module graphs: their files are read concurrently.
      const [
        { readScenarioFile },
        { checkScenario, solveScenario },
        { formatResultTable, formatStatus },
        { reportedRows },
        { MODEL_SPECS },
      ] = await Promise.all([
        import('../scenario/parse.ts'),
        import('../scenario/solve.ts'),
        import('./format.ts'),
        import('../scenario/reportCodes.ts'),
        import('../model/registry.ts'),
      ]);
      const parsed = readScenarioFile(file);
      const { dataset } = checkScenario(parsed);
      const given =
        opts.countries !== undefined
          ? countriesOption(opts.countries, dataset, MODEL_SPECS[parsed.scenario.model].resultGroups ?? [])
          : parsed.scenario.report?.countries;
      // Dataset groups the model gives no row of are shown as their members.
      const rows = (r: { countries: Record<string, unknown>; groups?: Record<string, unknown> }) =>
        given && reportedRows(given, dataset.manifest.groups, (c) => Boolean(r.countries[c] ?? r.groups?.[c]));
      const format = { formatResultTable, formatStatus };
      if (parsed.scenario.timeline) await solveTimeline(parsed, file, opts, rows, format);
      else await solveOne(parsed, file, opts, rows, format, solveScenario);
    });
}

type SolveOptions = { json?: true; redis?: string; queue?: string };
/** The rows of the table of a result: the given countries, groups the model has no row of shown as their members. */
type Rows = (r: { countries: Record<string, unknown>; groups?: Record<string, unknown> }) => string[] | undefined;
type Format = Pick<typeof import('./format.ts'), 'formatResultTable' | 'formatStatus'>;

/**
 * A timeline: every step solved in order (contract: `steps: [{date, label, countries}]`), printed
 * step by step or as JSON.
 */
async function solveTimeline(parsed: ParsedScenario, file: string, opts: SolveOptions, rows: Rows, format: Format) {
  const { runTimeline } = await import('../scenario/runTimeline.ts');
  const t =
    ((await onQueue(opts, 'timeline', file)) as ReturnType<typeof runTimeline> | undefined) ?? runTimeline(parsed);
  if (opts.json) out(JSON.stringify(t, null, 2));
  else {
    out(`${parsed.scenario.name}`);
    for (const s of t.steps) {
      out(`\n${s.date}  ${s.label}${s.solved ? '' : '  (no policy change)'}`);
      if (s.solved)
        out(
          s.status === 'converged'
            ? format.formatResultTable({ ...s, model: t.model, dataset: t.dataset }, rows(s))
            : `${NO_ANSWER}\n${s.message ?? ''}`,
        );
    }
    process.stderr.write(
      `${t.model} on ${t.dataset}: ${t.status}, ${t.steps.length} steps, ${(t.seconds * 1000).toFixed(0)} ms\n`,
    );
  }
  if (t.status !== 'converged') {
    process.stderr.write(`${msg.timelineStepNotConverged()}\n`);
    process.exitCode = EXIT.failure;
  }
}

/** One counterfactual: the result table (with the critical-supply report when it has a chain) or JSON. */
async function solveOne(
  parsed: ParsedScenario,
  file: string,
  opts: SolveOptions,
  rows: Rows,
  format: Format,
  solveScenario: typeof import('../scenario/solve.ts').solveScenario,
) {
  const r =
    ((await onQueue(opts, 'solve', file)) as ReturnType<typeof solveScenario> | undefined) ?? solveScenario(parsed);
  if (opts.json) out(JSON.stringify(r, null, 2));
  else {
    out(`${parsed.scenario.name}`);
    out(r.status === 'converged' ? format.formatResultTable(r, rows(r)) : NO_ANSWER);
    if (r.status === 'converged') {
      const { formatCriticalSupply } = await import('../report/criticalSupply.ts');
      const critical = formatCriticalSupply(r, rows(r));
      if (critical) out(`\n${critical}`);
    }
    process.stderr.write(`${format.formatStatus(r)}\n`);
  }
  if (r.status !== 'converged') {
    process.stderr.write(`${msg.solveNotConverged(r.message ?? '')}\n`);
    process.exitCode = EXIT.failure;
  }
}

/**
 * The codes of `--countries`, each a region of the dataset, one of its groups or a group row of the
 * model; an unknown code is a usage error (exit 2) listing the codes there are, before any solve.
 */
function countriesOption(option: string, d: Dataset, modelGroups: readonly string[]): string[] {
  const codes = option
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const groups = [...Object.keys(d.manifest.groups), ...modelGroups];
  const unknown = codes.filter((c) => !d.regions.includes(c) && !groups.includes(c));
  if (codes.length === 0 || unknown.length)
    throw new InputError(msg.unknownCountriesOption(d.manifest.id, d.regions, groups, unknown));
  return codes;
}

/**
 * With --redis URL (or LANCASTER_REDIS_URL): the run submitted to the queue and its result, as the
 * same handler computes it in this process; undefined without Redis (the caller solves here).
 * The scenario text goes as it is: its dataset must be an embedded id (a worker reads no folders).
 */
async function onQueue(
  opts: { redis?: string; queue?: string },
  kind: 'solve' | 'timeline',
  file: string,
): Promise<unknown> {
  if (!(opts.redis ?? process.env.LANCASTER_REDIS_URL)) return undefined;
  const [{ readFileSync }, { cliExecutor }, { builtinHandler }] = await Promise.all([
    import('node:fs'),
    import('./executor.ts'),
    import('../exec/registry.ts'),
  ]);
  const { executor, name } = await cliExecutor(opts, (m) => process.stderr.write(`${m}\n`));
  process.stderr.write(`${msg.solveOnQueue(name)}\n`);
  try {
    return await executor.submit(
      { id: `${kind} ${file}`, kind, module: builtinHandler(kind), input: readFileSync(file, 'utf8') },
      () => {},
    );
  } finally {
    await executor.close();
  }
}
