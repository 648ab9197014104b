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
      const width = 30, filled = Math.round((done / Math.max(total, 1)) * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label.slice(0, 60).padEnd(60)}`);
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
    .action(async (arg, opts) => {
      const { readScenarioFile } = await import('../scenario/parse.ts');
      const { checkScenario, solveScenario } = await import('../scenario/solve.ts');
      const parsed = readScenarioFile(scenarioPath(arg));
      checkScenario(parsed);
      if (!parsed.scenario.timeline) {
        const { formatResultTable, formatStatus } = await import('./format.ts');
        const r = solveScenario(parsed);
        process.stdout.write(opts.json ? `${JSON.stringify(r, null, 2)}\n` : `${parsed.scenario.name}\n${r.status === 'converged' ? formatResultTable(r, parsed.scenario.report?.countries) : NO_ANSWER}\n`);
        process.stderr.write(`${formatStatus(r)}\n`);
        if (r.status !== 'converged') process.exitCode = 1;
        return;
      }
      const { buildReport } = await import('../report/build.ts');
      const { reportText } = await import('../report/text.ts');
      const { reportHtml } = await import('../report/html.ts');
      const { reportCsv } = await import('../report/csv.ts');
      const report = buildReport(parsed, progress());
      if (parsed.file === join(SCENARIO_DIR, 'us-china-2025.yaml')) {
        // The embedded replay carries the 2018–19 backtest on the same data (scenarios/backtest-2018-19.yaml).
        const { backtest2018 } = await import('../report/backtest.ts');
        report.backtest = backtest2018(SCENARIO_DIR);
      }
      mkdirSync(opts.out, { recursive: true });
      const files = [join(opts.out, 'report.html'), join(opts.out, 'report.json'), join(opts.out, 'report.csv')];
      writeAtomic(files[0], reportHtml(report));
      writeAtomic(files[1], `${JSON.stringify(report, null, 2)}\n`);
      writeAtomic(files[2], reportCsv(report));
      process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : `${reportText(report, files)}\n`);
      if (report.status !== 'converged') {
        process.stderr.write('lancaster: a step did not converge; its numbers are not answers (see the status in report.json)\n');
        process.exitCode = 1;
      }
      if (parsed.file.endsWith('us-china-2025.yaml')) process.stderr.write('\nExplore it in the browser: npm run serve (or lancaster serve), then open http://127.0.0.1:8080\n');
    });
}
