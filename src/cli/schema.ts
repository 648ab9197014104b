/** `lancaster schema`: prints the published JSON Schema of scenario files. */
import type { Command } from '@commander-js/extra-typings';
import { out } from './errors.ts';

/**
 * Adds `schema` to the CLI program.
 *
 * @example
 * ```ts
 * registerSchemaCommand(program); // lancaster schema > scenario.schema.json
 * ```
 */
export function registerSchemaCommand(program: Command): void {
  program
    .command('schema')
    .description('Print the JSON Schema of scenario files')
    .action(async () => {
      const { scenarioJsonSchema } = await import('../spec/scenario.ts');
      out(JSON.stringify(scenarioJsonSchema(), null, 2));
    });
}
