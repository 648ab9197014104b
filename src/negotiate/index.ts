/**
 * Public API of the negotiation engine: domains and utilities, GENIUS import,
 * analysis (Pareto frontier, Nash, Kalai–Smorodinsky, egalitarian,
 * utilitarian), protocols (SAOP, mediated single text), agents, game-theory
 * references (Rubinstein, repeated prisoner's dilemma), two-level
 * ratification, trust, and the scenario schema of the `negotiation` section.
 */
export * from './domain.ts';
export * from './outcome-space.ts';
export * from './utility.ts';
export * from './utility-arrays.ts';
export * from './rng.ts';
export * from './xml.ts';
export * from './genius.ts';
export * from './pareto.ts';
export * from './solutions.ts';
export * from './frontier-polygon.ts';
export * from './analyze.ts';
export * from './session.ts';
export * from './bid-space.ts';
export * from './saop.ts';
export * from './mediated.ts';
export * from './agents/time-dependent.ts';
export * from './agents/tit-for-tat.ts';
export * from './agents/frequency-model.ts';
export * from './agents/pareto-seeker.ts';
export * from './agents/model-aware.ts';
export * from './rubinstein.ts';
export * from './repeated-game.ts';
export * from './ratification.ts';
export * from './trust.ts';
export * from './from-spec.ts';
export * from '../spec/negotiation.ts';
export * from '../spec/trade-domain.ts';
export * from './trade/state.ts';
export * from './trade/solver.ts';
export * from './trade/evaluator.ts';
export * from './trade/linkage.ts';
export * from './trade/run.ts';
