/**
 * `lancaster run FILE|ID`: runs a scenario's timeline in the short and the long run and writes the
 * report (terminal text on stdout; HTML, JSON and CSV files). Progress goes to stderr: a bar on a
 * terminal, plain lines otherwise. `npm start` runs the embedded us-china-2025 scenario.
 */
import { existsSync, mkdirSync, writeFileSync, renameSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from '@commander-js/extra-typings';
import { NO_ANSWER } from './errors.ts';
import { cliExecutor, positiveInt } from './executor.ts';
import * as msg from '../spec/messages/cli.ts';
import type { ParsedScenario } from '../scenario/parse.ts';
import type { TimelineRun } from '../scenario/runTimeline.ts';

/** Embedded scenarios live in <repo>/scenarios; an id names one of them. */
export const SCENARIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios');

/** A path as given, or the embedded scenario of that id. */
export function scenarioPath(arg: string): string {
  if (existsSync(arg)) return arg;
  const embedded = join(SCENARIO_DIR, `${arg}.yaml`);
  return existsSync(embedded) ? embedded : arg;
}

function progress() {
  const tty = Boolean(process.stderr.isTTY);
  let last = -1;
  return (done: number, total: number, label: string) => {
    if (tty) {
      const width = 30,
        filled = Math.round((done / Math.max(total, 1)) * width);
      process.stderr.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label.slice(0, 60).padEnd(60)}`,
      );
      if (done + 1 >= total) process.stderr.write('\n');
    } else if (done !== last) {
      process.stderr.write(`step ${done + 1}/${total}: ${label}\n`);
      last = done;
    }
  };
}

/** Writes a file atomically (temporary name, then rename), so a killed run leaves no half file. */
function writeAtomic(path: string, text: string) {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

export function registerRunCommand(program: Command) {
  program
    .command('run')
    .description('Run a scenario timeline (short and long run) and write the report: text, HTML, JSON, CSV')
    .argument('<scenario>', 'scenario file, or the id of an embedded scenario (e.g. us-china-2025)')
    .option('--out <dir>', 'folder for report.html, report.json and report.csv', 'lancaster-report')
    .option('--json', 'print the report as JSON instead of text')
    .option(
      '--draws <n>',
      'also run N draws of the elasticity priors in each horizon and add 5/50/95% bands (a parallel `bands` object)',
      positiveInt,
    )
    .option('--seed <n>', 'seed of the draws', positiveInt, 2025)
    .option(
      '--redis <url>',
      "run the report's timelines and the draws on the BullMQ queue on this Redis " +
        '(default $LANCASTER_REDIS_URL); here and on threads otherwise',
    )
    .option('--queue <name>', 'queue base name (the code hash is appended)', 'lancaster')
    .option('--threads <n>', 'worker threads for the draws without Redis (default: all cores)', positiveInt)
    .action(async (arg, opts) => {
      const { readScenarioFile } = await import('../scenario/parse.ts');
      const { checkScenario, solveScenario } = await import('../scenario/solve.ts');
      const parsed = readScenarioFile(scenarioPath(arg));
      checkScenario(parsed);
      if (!parsed.scenario.timeline) {
        const { formatResultTable, formatStatus } = await import('./format.ts');
        const r = solveScenario(parsed);
        const countries = parsed.scenario.report?.countries;
        process.stdout.write(
          opts.json
            ? `${JSON.stringify(r, null, 2)}\n`
            : `${parsed.scenario.name}\n${r.status === 'converged' ? formatResultTable(r, countries) : NO_ANSWER}\n`,
        );
        process.stderr.write(`${formatStatus(r)}\n`);
        if (r.status !== 'converged') process.exitCode = 1;
        return;
      }
      const { buildReport } = await import('../report/build.ts');
      const { reportText } = await import('../report/text.ts');
      const { reportHtml } = await import('../report/html.ts');
      const { reportCsv } = await import('../report/csv.ts');
      const queueUrl = opts.redis ?? process.env.LANCASTER_REDIS_URL;
      const report = queueUrl ? await queuedReport(parsed, opts) : buildReport(parsed, progress());
      if (parsed.file === join(SCENARIO_DIR, 'us-china-2025.yaml')) {
        // The embedded replay carries the 2018–19 backtest on the same data (scenarios/backtest-2018-19.yaml).
        const { backtest2018 } = await import('../report/backtest.ts');
        report.backtest = backtest2018(SCENARIO_DIR);
      }
      if (opts.draws)
        report.bands = await drawBands(parsed.file, parsed.scenario.options.elasticity_scale, report.countries, opts);
      mkdirSync(opts.out, { recursive: true });
      const files = [join(opts.out, 'report.html'), join(opts.out, 'report.json'), join(opts.out, 'report.csv')];
      writeAtomic(files[0], reportHtml(report));
      writeAtomic(files[1], `${JSON.stringify(report, null, 2)}\n`);
      writeAtomic(files[2], reportCsv(report));
      if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else {
        const { bandsText } = await import('../report/bands.ts');
        process.stdout.write(`${reportText(report, files)}\n${report.bands ? `\n${bandsText(report)}\n` : ''}`);
      }
      if (report.bands && report.bands.used.long + report.bands.used.short < 2 * report.bands.draws) {
        process.stderr.write(`${msg.someDrawsFailed()}\n`);
        process.exitCode = 1;
      }
      if (report.status !== 'converged') {
        process.stderr.write(`${msg.runStepNotConverged()}\n`);
        process.exitCode = 1;
      }
      if (parsed.file.endsWith('us-china-2025.yaml')) process.stderr.write(`\n${msg.exploreInBrowser()}\n`);
    });
}

/**
 * The report with its three timelines (long run, short run, BLP levels) computed on the queue
 * (`--redis`): each is a `timeline` job of the raw scenario with its elasticity scale written in,
 * so a worker solves exactly what buildReport would solve here (the dataset must be an embedded id).
 */
async function queuedReport(parsed: ParsedScenario, opts: { redis?: string; queue?: string }) {
  const [
    { assembleReport, reportScales },
    { builtinHandler },
    { progressReporter },
    { parseDocument },
    { readFileSync },
  ] = await Promise.all([
    import('../report/build.ts'),
    import('../exec/registry.ts'),
    import('./progress.ts'),
    import('yaml'),
    import('node:fs'),
  ]);
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const { executor, name } = await cliExecutor(opts, log);
  const raw = parseDocument(readFileSync(parsed.file, 'utf8')).toJS() as { options?: Record<string, unknown> };
  const scales = reportScales(parsed);
  const text = (scale: number) => {
    const s = structuredClone(raw);
    s.options ??= {};
    const o = s.options;
    // As buildReport's withScale: the report sets both horizons itself, so `horizon` goes and the
    // scale multiplies the scenario's own.
    delete o.horizon;
    o.elasticity_scale = ((o.elasticity_scale as number | undefined) ?? 1) * scale;
    return JSON.stringify(s);
  };
  log(`lancaster run: the report's 3 timelines on ${name}`);
  const bar = progressReporter('timelines');
  let done = 0;
  bar.update(0, 3, 0);
  const module = builtinHandler('timeline');
  const run = async (k: 'long' | 'short' | 'blp') => {
    const r = await executor.submit(
      { id: `${parsed.scenario.name} (${k})`, kind: 'timeline', module, input: text(scales[k]) },
      () => {},
    );
    bar.update(++done, 3, 0);
    return r as TimelineRun;
  };
  try {
    const [long, short, blp] = await Promise.all([run('long'), run('short'), run('blp')]);
    return assembleReport(parsed, { long, short, blp });
  } finally {
    bar.stop();
    await executor.close();
  }
}

/**
 * The bands of the report: the scenario swept over its priors in each horizon (the report's short
 * run is the dataset's θ × 0.4, its long run the dataset's θ: `horizon`, or the scenario's own
 * elasticity scale times each), on threads or the queue.
 */
async function drawBands(
  file: string,
  scale: number | undefined,
  countries: string[],
  opts: { draws?: number; seed: number; redis?: string; queue?: string; threads?: number },
) {
  const [{ scenarioSweepPlan }, { runSweep }, { reportBands }, { progressReporter }, { SHORT_RUN_ELASTICITY_SCALE }] =
    await Promise.all([
      import('../sweep/plan.ts'),
      import('../sweep/run.ts'),
      import('../report/bands.ts'),
      import('./progress.ts'),
      import('../model/ge/run.ts'),
    ]);
  const set = (h: 'short-run' | 'long-run') =>
    scale === undefined
      ? { 'options.horizon': h }
      : { 'options.elasticity_scale': scale * (h === 'short-run' ? SHORT_RUN_ELASTICITY_SCALE : 1) };
  const plans = {
    short: scenarioSweepPlan(file, { draws: opts.draws!, seed: opts.seed, set: set('short-run') }),
    long: scenarioSweepPlan(file, { draws: opts.draws!, seed: opts.seed, set: set('long-run') }),
  };
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const { executor, name } = await cliExecutor(opts, log);
  log(`lancaster run: ${opts.draws} draws + central in each horizon on ${name}`);
  const bar = progressReporter('runs');
  const done = { short: 0, long: 0 },
    total = 2 * (opts.draws! + 1);
  const on = (h: 'short' | 'long') => (d: number, _t: number, f: number) => {
    done[h] = d;
    bar.update(done.short + done.long, total, f);
  };
  try {
    const [short, long] = await Promise.all([
      runSweep(plans.short, executor, { executorName: name, onProgress: on('short') }),
      runSweep(plans.long, executor, { executorName: name, onProgress: on('long') }),
    ]);
    return reportBands(countries, { short, long });
  } finally {
    bar.stop();
    await executor.close();
  }
}
