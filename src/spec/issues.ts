/**
 * The error map of every input parse: zod's built-in issues (wrong type, missing field, bounds,
 * options, unknown keys) written as the catalogue's "expected …, found …", with what was found
 * taken from the input itself. Messages a schema writes itself (`{ error }`, `.refine(…, msg)`)
 * take precedence over this map, as zod orders them.
 *
 * @example
 * ```ts
 * ScenarioSchema.safeParse(value, PARSE_OPTIONS); // policy.tariffs: "expected array, found 3"
 * ```
 */
import type { z } from 'zod';
import * as msg from './messages/scenario.ts';

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

const SIZED: Record<string, string> = {
  string: 'characters',
  array: 'items',
  set: 'items',
  map: 'entries',
  file: 'bytes',
};

/** How many of the sized origin's units the input has (the length of a string or list). */
function sizeOf(input: unknown): number | undefined {
  if (typeof input === 'string' || Array.isArray(input)) return input.length;
  if (input instanceof Set || input instanceof Map) return input.size;
  return undefined;
}

function bound(iss: RawIssue & { code: 'too_small' | 'too_big' }): string {
  const small = iss.code === 'too_small';
  const limit = String(small ? iss.minimum : iss.maximum);
  const relation = iss.exact
    ? 'exactly'
    : small
      ? iss.inclusive
        ? 'at least'
        : 'more than'
      : iss.inclusive
        ? 'at most'
        : 'less than';
  const unit = SIZED[iss.origin];
  if (unit && limit === '1')
    return msg.sizeOutOfBounds(`${relation} 1 ${unit === 'entries' ? 'entry' : unit.slice(0, -1)}`, sizeOf(iss.input));
  if (unit) return msg.sizeOutOfBounds(`${relation} ${limit} ${unit}`, sizeOf(iss.input));
  return msg.outOfBounds(iss.origin === 'bigint' ? 'an integer' : 'a number', `${relation} ${limit}`, iss.input);
}

/**
 * The catalogue message of a zod issue, or undefined for the issues whose schema gives its own
 * (custom refinements), which zod then keeps.
 */
const issueMessage: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type':
      return msg.wrongType(iss.expected, iss.input);
    case 'invalid_value':
      return msg.notAnOption(iss.values, iss.input);
    case 'too_small':
    case 'too_big':
      return bound(iss);
    case 'invalid_format':
      return msg.badFormat(iss.format === 'regex' ? `a string matching ${String(iss.pattern)}` : iss.format, iss.input);
    case 'not_multiple_of':
      return msg.notMultiple(String(iss.divisor), iss.input);
    case 'unrecognized_keys':
      return msg.unknownKeys(iss.keys);
    case 'invalid_union':
      if (
        iss.discriminator &&
        'options' in iss &&
        Array.isArray(iss.options) &&
        iss.options.length &&
        iss.input &&
        typeof iss.input === 'object'
      ) {
        return msg.notAnOption(
          iss.options as unknown[],
          (iss.input as Record<string, unknown>)[iss.discriminator],
          iss.discriminator,
        );
      }
      return msg.noUnionForm(iss.input);
    case 'invalid_key':
      return msg.badKey(iss.origin, iss.input);
    case 'invalid_element':
      return msg.badElement(iss.origin, iss.input);
    default:
      return undefined;
  }
};

/**
 * The options every parse of user input passes to zod's safeParse. `jitless`: zod's generated fast
 * path (new Function per object schema) costs more to build and compile than a one-shot parse of a
 * scenario saves: the CLI's parse of nafta-cp2015.yaml takes 9–11 ms CPU instead of 14–17.
 */
export const PARSE_OPTIONS = { error: issueMessage, jitless: true } as const;

/**
 * A zod issue as a located issue's path and message: an unknown key points at the key itself (the
 * first one), so that its line:col (or the API's path) names the field that should not be there.
 *
 * @example
 * ```ts
 * r.error.issues.map(issueAt);
 * // [{ path: ['policy', 'tarifs'], message: 'expected only known fields, found unknown field "tarifs"' }]
 * ```
 */
export function issueAt(iss: z.core.$ZodIssue): { path: (string | number)[]; message: string } {
  const path = iss.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  return { path: iss.code === 'unrecognized_keys' ? [...path, iss.keys[0]] : path, message: iss.message };
}
