import { describe, it, expect } from 'vitest';
import { loadDataset } from '../data/load.ts';
import { resolveControls, mergeControls } from './controls.ts';
import { ExportControlSchema } from '../spec/scenario.ts';
import { PolicyError } from './errors.ts';

const d = loadDataset('multisector-2025');
const { N, J } = d;
const R = (c: string) => d.regions.indexOf(c),
  S = (c: string) => d.sectors.indexOf(c);
const P = ['policy', 'export_controls'];

describe('resolveControls', () => {
  it('applies an origin\'s control to all destinations with "*", a sector group to each of its sectors', () => {
    const c = resolveControls(d, [{ origin: 'CHN', destination: '*', sectors: ['REE'], approval: 0.25 }], P);
    expect(c.flow.length).toBe(3 * (N - 1));
    for (const q of c.flow) {
      expect(Math.floor(q / J) % N).toBe(R('CHN'));
      expect(['REM', 'RES', 'MAG']).toContain(d.sectors[q % J]);
    }
    expect([...c.approval].every((s) => s === 0.25)).toBe(true);
    expect([...c.rentsToExporter].every((r) => r === 1)).toBe(true);
  });

  it('gives approvals by destination and by chain stage (US-bound magnets slower, ores uncontrolled)', () => {
    const c = resolveControls(
      d,
      [
        { origin: 'CHN', destination: '*', sectors: ['RES', 'MAG'], approval: 0.6 },
        { origin: 'CHN', destination: 'USA', sectors: ['MAG'], approval: 0.25 },
      ],
      P,
    );
    const at = (dest: string, sec: string) => c.approval[[...c.flow].indexOf((R(dest) * N + R('CHN')) * J + S(sec))];
    expect(c.flow.length).toBe(2 * (N - 1));
    expect(at('USA', 'MAG')).toBe(0.25);
    expect(at('USA', 'RES')).toBe(0.6);
    expect(at('DEU', 'MAG')).toBe(0.6);
    expect([...c.flow].some((q) => q % J === S('REM'))).toBe(false);
  });

  it('lets a coalition of origins enforce one control, a later entry overriding an earlier one', () => {
    const c = resolveControls(
      d,
      [
        ...['USA', 'JPN', 'KOR', 'TWN', 'EUR'].map((o) => ({
          origin: o,
          destination: 'CHN',
          sectors: ['SEMI'],
          approval: 0.7,
          rents: 'lost' as const,
        })),
        { origin: 'EUR', destination: 'CHN', sectors: ['SEMI'], approval: 0.73, rents: 'lost' as const },
      ],
      P,
    );
    expect(c.flow.length).toBe(5);
    const eur = [...c.flow].indexOf((R('CHN') * N + R('EUR')) * J + S('SEMI'));
    expect(c.approval[eur]).toBe(0.73);
    expect([...c.rentsToExporter].every((r) => r === 0)).toBe(true);
  });

  it('rejects a control that covers no cross-border flow', () => {
    expect(() =>
      resolveControls(d, [{ origin: 'USA', destination: 'USA', sectors: ['SEMI'], approval: 0.5 }], P),
    ).toThrow(
      'expected a control on cross-border flows, found none: origin USA and destination USA cover the same region (USA) only',
    );
  });

  it('rejects a ban that leaves an importer with no supplier, naming importer, sector and entry', () => {
    let err: unknown;
    try {
      resolveControls(
        d,
        [
          { origin: 'CHN', destination: 'KOR', sectors: ['MAG'], approval: 0.5 },
          { origin: '*', destination: 'KOR', sectors: ['MAG'], approval: 0 },
        ],
        P,
      );
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PolicyError);
    expect((err as PolicyError).message).toBe(
      'expected importer KOR to keep a supplier of sector MAG, found every supplier banned (approval 0); allow some supply or leave a supplier out',
    );
    expect((err as PolicyError).path).toEqual([...P, 1]);
    // China alone banning REE to everyone is feasible: others still supply.
    expect(() =>
      resolveControls(d, [{ origin: 'CHN', destination: '*', sectors: ['REE'], approval: 0 }], P),
    ).not.toThrow();
  });

  it('carries a government share of licensed sales and its region, and a later entry without one removes it', () => {
    const gov = resolveControls(
      d,
      [
        {
          origin: 'TWN',
          destination: 'CHN',
          sectors: ['SEMI'],
          approval: 1,
          rents: 'lost',
          government_share: 0.15,
          government: 'USA',
        },
      ],
      P,
    );
    expect([...gov.governmentShare!]).toEqual([0.15]);
    expect([...gov.government!]).toEqual([R('USA')]);
    const plain = resolveControls(
      d,
      [{ origin: 'TWN', destination: 'CHN', sectors: ['SEMI'], approval: 0.81, rents: 'lost' }],
      P,
    );
    const merged = mergeControls([gov, plain]);
    expect([...merged.governmentShare!]).toEqual([0]);
    expect([...merged.government!]).toEqual([-1]);
    expect([...mergeControls([plain, gov]).governmentShare!]).toEqual([0.15]);
  });

  it('rejects a government share without the receiving region, or with an unknown one', () => {
    const r = ExportControlSchema.safeParse({
      origin: 'TWN',
      destination: 'CHN',
      sectors: ['SEMI'],
      approval: 1,
      government_share: 0.15,
    });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toMatch(/expected `government`/);
    expect(() =>
      resolveControls(
        d,
        [
          {
            origin: 'TWN',
            destination: 'CHN',
            sectors: ['SEMI'],
            approval: 1,
            government_share: 0.15,
            government: 'XXX',
          },
        ],
        P,
      ),
    ).toThrow(PolicyError);
  });
});
