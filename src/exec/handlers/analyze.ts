/**
 * The `analyze` run: a two-party GENIUS domain sent as a YAML/JSON document
 * `{domain, profile_a, profile_b, disagreement?}` holding the XML texts; the result is what
 * `lancaster analyze DOMAIN.xml A.xml B.xml --json` prints.
 */
import { z } from 'zod';
import { parseDocument } from 'yaml';
import { analyze, parseGeniusDomain, parseGeniusProfile, type Analysis } from '../../negotiate/index.ts';
import { ScenarioError } from '../../spec/errors.ts';
import { issueAt, PARSE_OPTIONS } from '../../spec/issues.ts';
import type { RunHandler } from '../../contract/run.ts';
import * as msg from '../../spec/messages/exec.ts';
import * as scenarioMsg from '../../spec/messages/scenario.ts';

/** The input of an `analyze` run. */
const GeniusInputSchema = z
  .object({
    domain: z.string().min(1).meta({ description: 'GENIUS domain XML' }),
    profile_a: z.string().min(1).meta({ description: 'GENIUS profile XML of party A' }),
    profile_b: z.string().min(1).meta({ description: 'GENIUS profile XML of party B' }),
    disagreement: z
      .tuple([z.number(), z.number()])
      .optional()
      .meta({ description: 'Disagreement point; default [0, 0] as in the CLI' }),
  })
  .strict();

function parseInput(input: string, label: string): z.output<typeof GeniusInputSchema> {
  const doc = parseDocument(input);
  if (doc.errors.length)
    throw new ScenarioError(label, [{ path: [], message: scenarioMsg.notYaml(doc.errors[0].message.split('\n')[0]) }]);
  const r = GeniusInputSchema.safeParse(doc.toJS(), PARSE_OPTIONS);
  if (!r.success) {
    throw new ScenarioError(label, r.error.issues.map(issueAt));
  }
  return r.data;
}

function analyzeInput(input: string, label: string): Analysis {
  const g = parseInput(input, label);
  const domain = parseGeniusDomain(g.domain, 'domain');
  return analyze(
    domain,
    parseGeniusProfile(g.profile_a, domain, 'profile_a'),
    parseGeniusProfile(g.profile_b, domain, 'profile_b'),
    {
      disagreement: g.disagreement ?? [0, 0],
    },
  );
}

/** Handler of `analyze` runs (small domains: the check does the whole parse). */
export const handler: RunHandler = {
  check(input, label) {
    const g = parseInput(input, label);
    const domain = parseGeniusDomain(g.domain, 'domain');
    parseGeniusProfile(g.profile_a, domain, 'profile_a');
    parseGeniusProfile(g.profile_b, domain, 'profile_b');
    return { name: domain.name };
  },
  async run(input, progress) {
    progress({ fraction: 0.1, message: msg.progress.analysing });
    const r = analyzeInput(input, 'input');
    progress({ fraction: 1, message: msg.progress.outcomes(r.outcomes) });
    return r;
  },
};
