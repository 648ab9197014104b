import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.ts';
import { RESULT_SCHEMAS, resultJsonSchema } from './schema.ts';

const SWEEPS = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'sweeps');
const files = readdirSync(SWEEPS).filter((f) => /\.ya?ml$/.test(f));
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(resultJsonSchema() as object);

describe('lancaster sweep --json of every example sweep (2 draws) validates strictly against the sweep result schema', () => {
  it.each(files)('%s', { timeout: 300_000 }, async (file) => {
    const r = await runCli('sweep', join(SWEEPS, file), '--draws', '2', '--threads', '1', '--json');
    expect(r.code, r.stderr).toBe(0);
    const json: unknown = JSON.parse(r.stdout);
    const parsed = RESULT_SCHEMAS.sweep.safeParse(json);
    expect(parsed.error?.issues.slice(0, 10) ?? []).toEqual([]);
    expect(validate(json), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    const point = (json as { points: { result: unknown; bands: unknown }[] }).points[0];
    expect(point.result).not.toBeNull();
    expect(point.bands).not.toBeNull();
  });

  it('refuses a sweep point with a field the contract does not name, and a prior without its drawn band', async () => {
    const r = await runCli('sweep', join(SWEEPS, 'nafta-cp2015.yaml'), '--draws', '2', '--threads', '1', '--json');
    const json = JSON.parse(r.stdout);
    const extra = { ...json, points: [{ ...json.points[0], extra: 1 }] };
    expect(RESULT_SCHEMAS.sweep.safeParse(extra).error?.issues.map((i) => i.path.join('.'))).toEqual(['points.0']);
    const { drawn: _, ...prior } = json.priors[0];
    const noBand = { ...json, priors: [prior] };
    expect(RESULT_SCHEMAS.sweep.safeParse(noBand).error?.issues.map((i) => i.path.join('.'))).toEqual([
      'priors.0.drawn',
    ]);
    expect(validate(noBand)).toBe(false);
  });
});
