import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import { parseScenarioText } from './parse.ts';
import { ScenarioError } from '../spec/errors.ts';

function errorOf(text: string): string {
  try {
    parseScenarioText(text, 'scenario.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as Error).message;
  }
  throw new Error('expected a ScenarioError');
}

const head = 'lancaster: 1\nname: test\nmodel: cp2015\n';

describe('scenario parsing', () => {
  it('accepts percent strings and fractions as rates', () => {
    const p = parseScenarioText(
      `${head}policy:\n  tariffs:\n    - { importer: USA, exporter: CHN, rate: "54%" }\n    - { importer: CHN, exporter: USA, rate: 0.125 }\n`,
      's.yaml',
    );
    expect(p.scenario.policy.tariffs?.map((t) => t.rate)).toEqual([0.54, 0.125]);
  });

  it('names file, line, column and path of a rate that is not a number', () => {
    const msg = errorOf(
      `${head}policy:\n  tariffs:\n    - { importer: USA, exporter: CHN, rate: 0.54 }\n    - { importer: CHN, exporter: USA, rate: lots }\n`,
    );
    expect(msg).toBe(
      'scenario.yaml:7:45 policy.tariffs[1].rate: expected a number or percent string like "54%", found "lots"',
    );
  });

  it('rejects negative rates and rates above the bound', () => {
    expect(errorOf(`${head}policy:\n  tariffs:\n    - { importer: USA, exporter: CHN, rate: -0.1 }\n`)).toContain(
      'policy.tariffs[0].rate: expected a rate between 0 and 10',
    );
    expect(errorOf(`${head}policy:\n  tariffs:\n    - { importer: USA, exporter: CHN, rate: "2000%" }\n`)).toContain(
      'found 2000%',
    );
  });

  it('rejects rate and add together', () => {
    expect(
      errorOf(`${head}policy:\n  tariffs:\n    - { importer: USA, exporter: CHN, rate: 0.1, add: 0.1 }\n`),
    ).toContain('expected only one of rate, add, schedule, preset or target_average, found rate and add');
  });

  it('points at an unknown field by its key', () => {
    expect(errorOf(`${head}colour: red\n`)).toBe(
      'scenario.yaml:4:1 colour: expected only known fields, found unknown field "colour"',
    );
  });

  it('reports a missing required field and the wrong format version', () => {
    const msg = errorOf('lancaster: 2\n');
    expect(msg).toContain('scenario.yaml:1:12 lancaster: expected format version 1');
    expect(msg).toContain('name: expected string, found nothing (required)');
  });

  it('reports YAML syntax errors with their line', () => {
    expect(errorOf('lancaster: 1\nname: [\n')).toMatch(/^scenario\.yaml:\d+:\d+ \(root\): expected valid YAML or JSON/);
  });

  it('reads JSON as well as YAML', () => {
    const p = parseScenarioText('{"lancaster": 1, "name": "j", "model": "cp2015"}', 's.json');
    expect(p.scenario.model).toBe('cp2015');
    expect(p.scenario.options).toEqual({});
  });
});

describe('canonical JSON (sweep draws, API scenario objects)', () => {
  const replay = JSON.stringify(
    parse(readFileSync(new URL('../../scenarios/us-china-2025.yaml', import.meta.url), 'utf8')),
  );

  it('reads to the same scenario as the YAML path, and still locates later issues', () => {
    const fast = parseScenarioText(replay, 'draw.json');
    const slow = parseScenarioText(`${replay}\n`, 'draw.json'); // not canonical: the YAML path
    expect(fast.scenario).toEqual(slow.scenario);
    expect(fast.locate(['timeline', 3, 'label'])).toEqual(slow.locate(['timeline', 3, 'label']));
    expect(fast.locate(['timeline', 3, 'label'])?.line).toBe(1);
  });

  it('reports bad values and control characters with their place, as YAML does', () => {
    const bad = JSON.stringify({
      lancaster: 1,
      name: 'x',
      model: 'cp2015',
      policy: { tariffs: [{ importer: 'USA', exporter: 'CHN', rate: -1 }] },
    });
    expect(errorOf(bad)).toMatch(/^scenario\.yaml:1:\d+ policy\.tariffs\[0\]\.rate: expected a rate between 0 and 10/);
    expect(errorOf(JSON.stringify({ lancaster: 1, name: 'a\u0000b', model: 'cp2015' }))).toMatch(
      /scenario\.yaml:1:\d+ name: expected text without control characters, found U\+0000/,
    );
    const many = JSON.stringify({
      lancaster: 1,
      name: 'x',
      model: 'cp2015',
      policy: { tariffs: Array.from({ length: 2001 }, () => ({ importer: 'USA', exporter: 'CHN', rate: 0.1 })) },
    });
    expect(errorOf(many)).toMatch(/policy\.tariffs: expected at most 2000 entries, found 2001/);
  });
});
