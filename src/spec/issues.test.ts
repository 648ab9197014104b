import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseScenarioText } from '../scenario/parse.ts';
import { ScenarioError } from './errors.ts';
import { PARSE_OPTIONS } from './issues.ts';

const HEAD = 'lancaster: 1\nname: t\nmodel: one-sector-2025\n';

/** The one-line message of the ScenarioError the text raises. */
function errorOf(text: string): string {
  try {
    parseScenarioText(text, 's.yaml');
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  throw new Error('Expected a ScenarioError, found a valid scenario');
}

describe('the error map of input parses', () => {
  it('says what was found for a value of the wrong type, not "nothing"', () => {
    expect(errorOf(`${HEAD}policy: { tariffs: 3 }\n`)).toBe('s.yaml:4:20 policy.tariffs: expected array, found 3');
    expect(errorOf(`${HEAD}policy: { tariffs: "all of them" }\n`)).toBe(
      's.yaml:4:20 policy.tariffs: expected array, found "all of them"',
    );
    expect(errorOf(`${HEAD}policy: { tariffs: { rate: 1 } }\n`)).toMatch(
      /policy\.tariffs: expected array, found a mapping$/,
    );
    expect(errorOf(`${HEAD}policy: { tariffs: [] }\nname2: 1\n`)).toMatch(
      /name2: expected only known fields, found unknown field "name2"/,
    );
  });

  it('says "found nothing (required)" only for a field that is missing', () => {
    expect(errorOf('lancaster: 1\nmodel: one-sector-2025\n')).toMatch(
      / name: expected string, found nothing \(required\)$/,
    );
  });

  it('names the options and the value found for a wrong option, and the bound and value for an out-of-range one', () => {
    expect(errorOf(`${HEAD.replace('one-sector-2025', 'gravity-lite')}`)).toMatch(
      / model: expected one of "[^"]+"(, "[^"]+")+, found "gravity-lite"$/,
    );
  });

  it('writes bounds, formats and unions as expected-vs-found', () => {
    const message = (schema: z.ZodType, value: unknown) =>
      schema.safeParse(value, PARSE_OPTIONS).error?.issues[0].message;
    expect(message(z.array(z.string()).min(1), [])).toBe('expected at least 1 item, found 0');
    expect(message(z.array(z.string()).max(2), ['a', 'b', 'c'])).toBe('expected at most 2 items, found 3');
    expect(message(z.number().max(5), 7)).toBe('expected a number at most 5, found 7');
    expect(message(z.number().gt(0), 0)).toBe('expected a number more than 0, found 0');
    expect(message(z.string().regex(/^[A-Z]+$/), 'usa')).toBe('expected a string matching /^[A-Z]+$/, found "usa"');
    expect(message(z.union([z.string(), z.number()]), [1])).toBe(
      'expected one of the forms this field takes, found a list of 1 item',
    );
    expect(
      message(z.discriminatedUnion('kind', [z.object({ kind: z.literal('a') }), z.object({ kind: z.literal('b') })]), {
        kind: 'c',
      }),
    ).toBe('expected kind one of "a", "b", found "c"');
    // A schema's own message wins over the map.
    expect(message(z.number({ error: 'expected a rate' }), 'x')).toBe('expected a rate');
  });
});
