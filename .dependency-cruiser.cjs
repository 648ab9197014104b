/**
 * The layering of docs/architecture.md, checked by `npm run lint:deps`: a folder of src/ may
 * import only from the folders in the layers below it (never sideways within a layer, never up),
 * no module cycles, and the web app reaches src/ only for types of src/spec and src/contract.
 */
/** Layers from the bottom up; folders in one layer do not import each other. */
const LAYERS = [
  ['spec'],
  ['contract'],
  ['data', 'parallel'],
  ['policy'],
  ['model'],
  ['scenario'],
  ['strategy', 'negotiate'],
  ['exec', 'store'],
  ['sweep'],
  ['report'],
  ['server'],
  ['cli'],
];

const alt = (names) => `(${names.join('|')})`;

const layerRules = LAYERS.flatMap((layer, i) => {
  const notBelow = LAYERS.slice(i).flat();
  return layer.map((folder) => ({
    name: `layer-${folder}`,
    comment: `src/${folder} may import only from the layers below it: ${LAYERS.slice(0, i).flat().join(', ') || 'nothing'}`,
    severity: 'error',
    // Tests are leaves nothing imports: an integration test may sit beside the code it is about.
    from: { path: `^src/${folder}/`, pathNot: '\\.test\\.ts$' },
    to: { path: `^src/${alt(notBelow.filter((f) => f !== folder))}/` },
  }));
});

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-unknown-folder',
      comment: 'every folder of src/ has a place in the layering (add it to LAYERS and docs/architecture.md)',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: `^src/[^/]+/`, pathNot: `^src/${alt(LAYERS.flat())}/` },
    },
    {
      name: 'library-entry-on-top',
      comment: 'src/index.ts (the package entry) sits above every folder: no folder imports it',
      severity: 'error',
      from: { path: '^src/[^/]+/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/[^/]+\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'no import cycles between modules (a folder cycle is caught by the layer rules); type-only links do not count',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'src-not-test-or-bench',
      comment: 'production code does not import test helpers, benchmarks or scripts',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(test|bench|scripts)/' },
    },
    {
      name: 'web-only-types-of-spec-and-contract',
      comment: 'the web app imports src/spec and src/contract only, and only their types (no server code bundled)',
      severity: 'error',
      from: { path: '^web/src/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^src/', pathNot: '^src/(spec|contract)/' },
    },
    {
      name: 'web-only-types-of-spec-and-contract',
      comment: 'the web app imports values of src/ only from the display helpers shared with the HTML report (palette, issue paths), the region lists shared with the data builder, the threshold CDF shared with the ratification engine, and the offers of a negotiation result shared with the engine and the server',
      severity: 'error',
      from: { path: '^web/src/', pathNot: '\.test\.tsx?$' },
      to: { path: '^src/', pathNot: '^(src/spec/(palette|errors|regions)|src/contract/(threshold|offers))\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-orphans-in-src',
      comment: 'a module nothing imports is dead (entry points and tests excepted)',
      severity: 'ignore',
      from: { orphan: true, path: '^src/' },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mjs', '.js'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
