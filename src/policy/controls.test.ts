import { describe, it, expect } from 'vitest';
import { loadDataset } from '../data/load.ts';
import { resolveControls } from './controls.ts';
import { PolicyError } from './errors.ts';

const d = loadDataset('multisector-2025');
const { N, J } = d;
const R = (c: string) => d.regions.indexOf(c), S = (c: string) => d.sectors.indexOf(c);
const P = ['policy', 'export_controls'];

describe('resolveControls', () => {
  it('applies an origin\'s control to all destinations with "*"', () => {
    const c = resolveControls(d, [{ origin: 'CHN', destination: '*', sectors: ['REE'], approval: 0.25 }], P);
    expect(c.flow.length).toBe(N - 1);
    for (const q of c.flow) {
      expect(Math.floor(q / J) % N).toBe(R('CHN'));
      expect(q % J).toBe(S('REE'));
    }
    expect([...c.approval].every((s) => s === 0.25)).toBe(true);
    expect([...c.rentsToExporter].every((r) => r === 1)).toBe(true);
  });

  it('lets a coalition of origins enforce one control, a later entry overriding an earlier one', () => {
    const c = resolveControls(d, [
      ...['USA', 'JPN', 'KOR', 'TWN', 'EUR'].map((o) => ({ origin: o, destination: 'CHN', sectors: ['SEMI'], approval: 0.7, rents: 'lost' as const })),
      { origin: 'EUR', destination: 'CHN', sectors: ['SEMI'], approval: 0.73, rents: 'lost' as const },
    ], P);
    expect(c.flow.length).toBe(5);
    const eur = [...c.flow].indexOf((R('CHN') * N + R('EUR')) * J + S('SEMI'));
    expect(c.approval[eur]).toBe(0.73);
    expect([...c.rentsToExporter].every((r) => r === 0)).toBe(true);
  });

  it('rejects a control that covers no cross-border flow', () => {
    expect(() => resolveControls(d, [{ origin: 'USA', destination: 'USA', sectors: ['SEMI'], approval: 0.5 }], P))
      .toThrow('expected a control on cross-border flows, found none: origin USA and destination USA cover the same region (USA) only');
  });

  it('rejects a ban that leaves an importer with no supplier, naming importer, sector and entry', () => {
    let err: unknown;
    try {
      resolveControls(d, [
        { origin: 'CHN', destination: 'KOR', sectors: ['REE'], approval: 0.5 },
        { origin: '*', destination: 'KOR', sectors: ['REE'], approval: 0 },
      ], P);
    } catch (e) { err = e; }
    expect(err).toBeInstanceOf(PolicyError);
    expect((err as PolicyError).message).toBe('expected importer KOR to keep a supplier of sector REE, found every supplier banned (approval 0); allow some supply or leave a supplier out');
    expect((err as PolicyError).path).toEqual([...P, 1]);
    // China alone banning REE to everyone is feasible: others still supply.
    expect(() => resolveControls(d, [{ origin: 'CHN', destination: '*', sectors: ['REE'], approval: 0 }], P)).not.toThrow();
  });
});
