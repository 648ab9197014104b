import { describe, expect, it } from 'vitest';
import { Command } from '@commander-js/extra-typings';
import { parsePort, registerServeCommand } from './cli.ts';
import { compareResults } from './compare.ts';

describe('lancaster serve', () => {
  it('registers serve with --port, --host, --db, --threads and the access options', () => {
    const program = new Command('lancaster');
    registerServeCommand(program);
    const serve = program.commands.find((c) => c.name() === 'serve')!;
    expect(serve.options.map((o) => o.long)).toEqual([
      '--port',
      '--host',
      '--db',
      '--threads',
      '--redis',
      '--queue',
      '--token',
      '--allow-host',
      '--rate-limit',
      '--max-queue',
      '--retain-days',
      '--retain-count',
    ]);
    expect(serve.opts()).toEqual({ port: 8080, host: '127.0.0.1' });
  });

  it('accepts ports 0–65535 and names what it found otherwise', () => {
    expect(parsePort('0')).toBe(0);
    expect(parsePort('8080')).toBe(8080);
    expect(() => parsePort('http')).toThrow('Expected a port number between 0 and 65535, found "http"');
    expect(() => parsePort('70000')).toThrow(RangeError);
  });
});

describe('compareResults', () => {
  it('gives b − a per indicator, null where a result lacks a value, and one-sided countries', () => {
    const c = compareResults(
      { countries: { USA: { welfare_pct: -0.1, exports_pct: 2 }, CAN: { welfare_pct: 0.2 } } },
      { countries: { USA: { welfare_pct: -0.3 }, MEX: { welfare_pct: 1 } } },
    );
    expect(c.fields).toEqual(['welfare_pct', 'exports_pct']);
    expect(c.countries.USA.welfare_pct.diff).toBeCloseTo(-0.2, 12);
    expect(c.countries.USA.exports_pct).toEqual({ a: 2, b: null, diff: null });
    expect(c.only_in_a).toEqual(['CAN']);
    expect(c.only_in_b).toEqual(['MEX']);
  });
});
