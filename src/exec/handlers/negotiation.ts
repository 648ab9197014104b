/**
 * The `negotiation` run: parse the scenario, resolve its trade domain against the dataset (quick
 * check), then map the deals, analyse and run the sessions with progress (each offer of the logged
 * sessions is a progress event carrying it). Same code as
 * `lancaster negotiate`. Inside a pool worker the map runs inline unless the section sets `workers`.
 */
import { parseServedScenario } from '../../scenario/served.ts';
import { setupTradeNegotiation, runTradeNegotiation } from '../../negotiate/trade/run.ts';
import type { RunHandler } from '../../contract/run.ts';
import { runCheck } from './run-check.ts';
import { offerProgress } from '../../contract/offers.ts';

/** Handler of `negotiation` runs; the result is the TradeNegotiationRun of src/negotiate/trade/run.ts. */
export const handler: RunHandler = {
  check(input, label) {
    const p = parseServedScenario(input, label);
    const { dataset } = setupTradeNegotiation(p);
    return runCheck(p.scenario, dataset);
  },
  async run(input, progress) {
    const p = parseServedScenario(input, 'scenario');
    const workers = (p.scenario.negotiation as { domain?: { workers?: number } } | undefined)?.domain?.workers ?? 0;
    return runTradeNegotiation(p, {
      workers,
      onProgress: (fraction, message) => progress({ fraction, message }),
      // The sessions run after every deal is mapped and before the final deal is solved.
      onOffer: (offer) => progress(offerProgress(offer)),
    });
  },
};
