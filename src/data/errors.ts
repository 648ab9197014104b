/** A dataset that is malformed or inconsistent; the message names the file, row and field. */
export class DataError extends Error {
  override name = 'DataError';
}
