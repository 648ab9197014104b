/**
 * Messages of the models (src/model): the checks of a model's inputs (arrays, elasticities,
 * controls, capacities, ownership), its baselines and its registry. They stand alone: capital first.
 * Rules of the catalogue: src/spec/messages/README.md.
 */
