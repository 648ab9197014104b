/**
 * A dataset that is malformed or inconsistent; the message names the file, row and field.
 *
 * @example
 * ```ts
 * try { loadDataset('my-data'); } catch (e) {
 *   if (e instanceof DataError) console.error(e.message);
 *   // my-data/trade.csv:12 field "value": expected a finite number, found "x"
 * }
 * ```
 */
export class DataError extends Error {
  override name = 'DataError';
}
