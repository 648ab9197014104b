import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { RESULT_SCHEMAS, resultJsonSchema } from './schema.ts';

const GOLDEN = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'golden');
const ajv = new Ajv2020({ strict: false, allErrors: true });
const doc = resultJsonSchema() as { $defs: object };
/** The published definition of one kind (the document's anyOf would let a strategy result pass as a solve). */
const published = (kind: keyof typeof RESULT_SCHEMAS) =>
  ajv.compile({ $defs: doc.$defs, $ref: `#/$defs/${kind}Result` });

/** A golden with the fields the golden test drops (wall-clock times, worker counts, the git commit) put back as a run prints them. */
function golden(name: string): Record<string, unknown> {
  const restore = (v: unknown, key = ''): unknown => {
    if (Array.isArray(v)) return v.map((x) => restore(x));
    if (!v || typeof v !== 'object') return v;
    const o = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, restore(x, k)]));
    if (key === 'code') o.commit = null;
    if ('requested' in o && 'cacheHits' in o) {
      o.seconds = 1;
      if ('deals' in o) o.workers = 0;
      else Object.assign(o, { solves_per_second: 1, wall_seconds: 1 });
    }
    return o;
  };
  return { ...(restore(JSON.parse(readFileSync(join(GOLDEN, name), 'utf8'))) as object), seconds: 1 };
}
const issues = (kind: keyof typeof RESULT_SCHEMAS, r: unknown) =>
  (RESULT_SCHEMAS[kind].safeParse(r).error?.issues.map((i) => `${i.path.join('.')}: ${i.code}`) ?? []).sort();

describe('the negotiation result schema is strict: every field of a negotiation run, nothing else', () => {
  const r = golden('negotiation__london-2025.json');
  const validate = published('negotiation');

  it('accepts the London run as `lancaster negotiate --json` prints it, in zod and in the published schema', () => {
    expect(issues('negotiation', r)).toEqual([]);
    expect(validate(r), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('refuses a field it does not name, a session log line with an unknown action and a one-party utility', () => {
    const sessions = r.sessions as { baskets: { log: object[] }[]; utilities: number[] }[];
    const [line] = sessions[0].baskets[0].log;
    const bad = {
      ...r,
      extra: 1,
      sessions: [
        {
          ...sessions[0],
          utilities: [0.5],
          baskets: [{ ...sessions[0].baskets[0], log: [{ ...line, action: 'walked-out' }] }],
        },
      ],
    };
    expect(issues('negotiation', bad)).toEqual([
      ': unrecognized_keys',
      'sessions.0.baskets.0.log.0.action: invalid_value',
      'sessions.0.utilities: too_small',
    ]);
    expect(validate(bad)).toBe(false);
  });
});

describe("the strategy result schema, strict: a solve's contract at the policy found and the game's outcome", () => {
  const war = golden('strategy__us-china-sector-war.json');
  const validate = published('strategy');

  it('accepts a trade war as `lancaster strategy --json` prints it, with the model detail of its solve', () => {
    expect(issues('strategy', war)).toEqual([]);
    // Round 0 of the war's path has no change (NaN in memory, null in the file): read back as NaN.
    expect((war.war as { path: { change: unknown }[] }).path[0].change).toBeNull();
    const parsed = RESULT_SCHEMAS.strategy.parse(war);
    expect(parsed.war?.path[0].change).toBeNaN();
    expect(validate(war), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('refuses a war without its path, an unknown kind and a per-player summary with a field it does not name', () => {
    const { path: _, ...noPath } = war.war as Record<string, unknown>;
    const byPlayer = war.by_player as Record<string, object>;
    const bad = { ...war, kind: 'auction', war: noPath, by_player: { ...byPlayer, USA: { ...byPlayer.USA, gain: 1 } } };
    expect(issues('strategy', bad)).toEqual([
      'by_player.USA: unrecognized_keys',
      'kind: invalid_value',
      'war.path: invalid_type',
    ]);
    expect(validate(bad)).toBe(false);
  });
});

describe('every recorded strategy and negotiation golden, the slow ones too, validates with its volatile fields put back', () => {
  const names = readdirSync(GOLDEN).filter((f) => /^(strategy|negotiation)__/.test(f));
  it.each(names)('%s', (name) => {
    const kind = name.startsWith('strategy') ? 'strategy' : 'negotiation';
    const r = golden(name);
    expect(issues(kind, r)).toEqual([]);
    const validate = published(kind);
    expect(validate(r), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });
});

describe('the solve result schema is strict, model detail included', () => {
  const ban = golden('controls__china-ree-ban-2025.json');
  const validate = published('solve');

  it('accepts the REE ban with its chain, users, capacity, inventories and σ sweep', () => {
    expect(issues('solve', ban)).toEqual([]);
    expect(validate(ban), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('refuses a field no model gives and a chain cell without its shortage', () => {
    const chain = ban.chain as Record<string, Record<string, Record<string, unknown>>>;
    const { shortage_pct: _, ...cell } = chain.REM.USA;
    const bad = { ...ban, extra: 1, chain: { ...chain, REM: { ...chain.REM, USA: cell } } };
    expect(issues('solve', bad)).toEqual([': unrecognized_keys', 'chain.REM.USA.shortage_pct: invalid_type']);
    expect(validate(bad)).toBe(false);
  });
});
