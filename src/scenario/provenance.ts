/**
 * The `provenance` every result carries (docs/results.md): the code version, the dataset (id,
 * version, content hash of its files), the model and its options, and where each parameter comes
 * from.
 */
import type { Dataset } from '../data/dataset.ts';
import type { Scenario } from '../spec/scenario.ts';
import type { Provenance } from '../contract/result.ts';
import { codeVersion } from '../contract/version.ts';
import { SHORT_RUN_ELASTICITY_SCALE } from '../model/ge/run.ts';

type Parameter = Provenance['parameters'][number];

/**
 * The trade-elasticity scale of a scenario and where it comes from (the options name it
 * `elasticity_scale` or `horizon`).
 */
function elasticityScaleOf(s: Scenario): Parameter {
  const o = s.options;
  if (o.elasticity_scale !== undefined)
    return { name: 'elasticity_scale', value: o.elasticity_scale, source: 'options.elasticity_scale' };
  if (o.horizon === 'short-run') {
    return {
      name: 'elasticity_scale',
      value: SHORT_RUN_ELASTICITY_SCALE,
      source:
        'options.horizon: short-run (Boehm, Levchenko & Pandalai-Nayar 2023: ' +
        '≈ 0.8 within a year vs ≈ 2 in the long run)',
    };
  }
  return {
    name: 'elasticity_scale',
    value: 1,
    source:
      o.horizon === 'long-run' ? 'options.horizon: long-run' : "default: the long run (the dataset's elasticities)",
  };
}

/** Where the dataset's own parameters come from: its manifest's sources, by name. */
function datasetSources(d: Dataset): string {
  return (
    `dataset ${d.manifest.id} ${d.manifest.version} ` +
    `(${d.manifest.provenance.sources.map((x) => x.citation ?? x.name).join('; ')})`
  );
}

/**
 * The provenance of a result computed from scenario `s` on dataset `d`.
 *
 * @example
 * ```ts
 * const p = provenanceOf(loadDataset('cp2015'), readScenarioFile('scenarios/nafta-cp2015.yaml').scenario);
 * p.dataset.hash; // SHA-256 of the dataset's files
 * ```
 */
export function provenanceOf(d: Dataset, s: Scenario): Provenance {
  const code = codeVersion();
  const o = s.options;
  const parameters: Parameter[] = [
    { name: 'trade_elasticities', source: `${datasetSources(d)}: manifest sectors[].theta` },
    elasticityScaleOf(s),
    { name: 'baseline_shares', source: `${datasetSources(d)}: baseline flows and shares` },
  ];
  if (o.input_elasticity !== undefined)
    parameters.push({
      name: 'input_elasticity',
      ...(typeof o.input_elasticity === 'number' ? { value: o.input_elasticity } : {}),
      source: 'options.input_elasticity',
    });
  if (o.critical_inputs)
    parameters.push({
      name: 'critical_input_elasticity',
      value: o.critical_inputs.elasticity,
      source: 'options.critical_inputs.elasticity',
    });
  if (o.anticipation)
    parameters.push({ name: 'anticipation_share', value: o.anticipation.share, source: 'options.anticipation.share' });
  return {
    code: { version: code.version, commit: code.commit },
    dataset: { id: d.manifest.id, version: d.manifest.version, hash: d.hash ?? null },
    model: { id: s.model, options: { ...o } },
    parameters,
  };
}

/**
 * The provenance of a gravity result: its data file (as the scenario names it) and the file's hash.
 *
 * @example
 * ```ts
 * gravityProvenance({ file: 'data/eu.csv', hash: 'ab12…' }, { theta: 4 });
 * ```
 */
export function gravityProvenance(
  data: { file: string; hash: string | null },
  options: Record<string, unknown>,
  parameters: Parameter[] = [],
): Provenance {
  const code = codeVersion();
  return {
    code: { version: code.version, commit: code.commit },
    dataset: { id: data.file, version: null, hash: data.hash },
    model: { id: 'gravity', options },
    parameters,
  };
}
