/**
 * GET /api/scenarios/embedded: the scenario files shipped in scenarios/ (the web app's examples and
 * its landing view, the 2025 timeline), each with its text and whether it passes the same checks as
 * `lancaster validate` on this version (issues when not: e.g. a feature the model lacks yet); gravity
 * scenarios (`kind: gravity`) are checked as a `gravity` run checks them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { parseScenarioText } from '../../scenario/parse.ts';
import { checkScenario } from '../../scenario/solve.ts';
import { loadGravity } from '../../scenario/gravity/parse.ts';
import { ScenarioError } from '../../spec/errors.ts';
import { IssueSchema } from '../schemas.ts';

/** The repository's scenarios folder. */
const SCENARIOS_DIR = fileURLToPath(new URL('../../../scenarios/', import.meta.url));

const EmbeddedSchema = z.object({
  id: z.string().meta({ description: 'Path under scenarios/ without the extension, e.g. us-china-2025' }),
  file: z.string(),
  name: z.string().nullable(),
  description: z.string().nullable(),
  model: z.string().nullable(),
  dataset: z.string().nullable(),
  timeline: z.boolean().meta({ description: 'True when the scenario has a timeline (run it with kind timeline)' }),
  valid: z.boolean(),
  issues: z.array(IssueSchema).meta({ description: 'Located issues when not valid on this version' }),
  text: z.string(),
});

export type EmbeddedScenario = z.infer<typeof EmbeddedSchema>;

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (/\.(ya?ml|json)$/.test(name)) out.push(p);
  }
  return out;
}

/** Reads and checks every scenario file under `dir` (top-level files first). */
function embeddedScenarios(dir = SCENARIOS_DIR): EmbeddedScenario[] {
  const all = files(dir).map((p) => relative(dir, p));
  all.sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
  return all.map((file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const base = { id: file.replace(/\.(ya?ml|json)$/, ''), file: `scenarios/${file}`, text };
    if (GRAVITY.test(text)) return gravityEntry(base, file);
    try {
      const p = parseScenarioText(text, file);
      const s = p.scenario;
      const head = {
        name: s.name,
        description: s.description ?? null,
        model: s.model,
        dataset: s.dataset ?? null,
        timeline: !!s.timeline,
      };
      try {
        checkScenario(p);
        return { ...base, ...head, valid: true, issues: [] };
      } catch (e) {
        if (e instanceof ScenarioError) return { ...base, ...head, valid: false, issues: e.issues };
        return { ...base, ...head, valid: false, issues: [{ path: [], message: (e as Error).message }] };
      }
    } catch (e) {
      const issues = e instanceof ScenarioError ? e.issues : [{ path: [], message: (e as Error).message }];
      return {
        ...base,
        name: null,
        description: null,
        model: null,
        dataset: null,
        timeline: false,
        valid: false,
        issues,
      };
    }
  });
}

/** A gravity scenario (run kind `gravity`) declares itself on a top-level line. */
const GRAVITY = /^kind:\s*gravity\s*$/m;

/** A gravity scenario, checked as a `gravity` run checks it (its model is "gravity"). */
function gravityEntry(base: { id: string; file: string; text: string }, file: string): EmbeddedScenario {
  const head = { name: null, description: null, model: 'gravity', dataset: null, timeline: false };
  try {
    const p = loadGravity(base.text, file);
    const s = p.scenario;
    return {
      ...base,
      ...head,
      name: s.name,
      description: s.description ?? null,
      dataset: s.data.file,
      valid: true,
      issues: [],
    };
  } catch (e) {
    const issues = e instanceof ScenarioError ? e.issues : [{ path: [], message: (e as Error).message }];
    return { ...base, ...head, valid: false, issues };
  }
}

/** Registers GET /api/scenarios/embedded. */
export const embeddedRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/scenarios/embedded',
    {
      schema: {
        summary: 'The scenario files shipped in scenarios/, with their text and whether they are valid on this version',
        response: { 200: z.object({ scenarios: z.array(EmbeddedSchema) }) },
      },
    },
    async () => ({ scenarios: embeddedScenarios() }),
  );
};
