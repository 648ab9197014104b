/** `lancaster schema [scenario|result]`: prints the published JSON Schema of scenario files or of results. */
import type { Command } from '@commander-js/extra-typings';
import { InputError, out } from './errors.ts';
import * as msg from '../spec/messages/cli.ts';

const KINDS = ['scenario', 'result'] as const;

/**
 * Adds `schema` to the CLI program.
 *
 * @example
 * ```ts
 * // lancaster schema > scenario.schema.json; lancaster schema result > result.schema.json
 * registerSchemaCommand(program);
 * ```
 */
export function registerSchemaCommand(program: Command): void {
  program
    .command('schema')
    .description('Print the JSON Schema of scenario files (default) or of results (docs/results.md)')
    .argument('[what]', `${KINDS.join(' or ')}`, 'scenario')
    .action(async (what) => {
      if (what === 'result') {
        const { resultJsonSchema } = await import('../contract/schema.ts');
        out(JSON.stringify(resultJsonSchema(), null, 2));
        return;
      }
      if (what !== 'scenario') throw new InputError(msg.unknownSchemaKind(KINDS.join(' or '), what));
      const { scenarioJsonSchema } = await import('../spec/scenario.ts');
      out(JSON.stringify(scenarioJsonSchema(), null, 2));
    });
}
