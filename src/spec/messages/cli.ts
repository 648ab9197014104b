/**
 * Messages of the command line (src/cli): its commands' answers on stderr, option errors and the
 * lines that report what a command did. Rules of the catalogue: src/spec/messages/README.md.
 */

const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : 'none');

export const valid = (file: string, kind: string, model: string, dataset: string) => `${file}: valid (${kind}: ${model} on ${dataset})`;

export const unknownCountriesOption = (dataset: string, regions: readonly string[], groups: readonly string[], found: readonly string[]) =>
  `Expected --countries to name regions or groups of dataset ${dataset} (regions: ${list(regions)}; groups: ${list(groups)}), found ${found.length ? found.map((c) => `"${c}"`).join(', ') : 'no code'}`;
