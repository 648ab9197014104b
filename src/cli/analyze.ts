/**
 * `lancaster analyze DOMAIN PROFILE_A PROFILE_B [--json]`: analyses a GENIUS negotiation domain
 * (outcomes, Pareto frontier, Nash, Kalai–Smorodinsky, egalitarian and utilitarian points).
 */
import type { Command } from '@commander-js/extra-typings';
import { InputError, out } from './errors.ts';

/**
 * Adds `analyze` to the CLI program.
 *
 * @example
 * ```ts
 * registerAnalyzeCommand(program); // lancaster analyze travel_domain.xml travel_chox.xml travel_fanny.xml
 * ```
 */
export function registerAnalyzeCommand(program: Command): void {
  program
    .command('analyze')
    .description(
      'Analyse a negotiation domain (GENIUS XML): outcomes, Pareto frontier, ' +
        'Nash, Kalai–Smorodinsky, egalitarian, utilitarian',
    )
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
        if (e instanceof TypeError || e instanceof RangeError || (e as NodeJS.ErrnoException).code === 'ENOENT')
          throw new InputError((e as Error).message);
        throw e;
      }
      if (opts.json) return out(JSON.stringify(r, null, 2));
      const f = (p: { utility: number[] } | null) =>
        p ? `(${p.utility.map((u) => u.toFixed(4)).join(', ')})` : 'none';
      out(
        [
          `${r.outcomes} outcomes${r.sampled ? ' (sampled)' : ''}, ${r.pareto.length} Pareto-optimal`,
          `Nash ${f(r.nash)}  Kalai–Smorodinsky ${f(r.kalai_smorodinsky)}  egalitarian ` +
            `${f(r.egalitarian)}  utilitarian ${f(r.utilitarian)}`,
        ].join('\n'),
      );
    });
}
