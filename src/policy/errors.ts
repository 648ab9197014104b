/** A policy that does not fit its dataset (unknown code, sector or schedule); `path` locates it in the scenario. */
export class PolicyError extends Error {
  override name = 'PolicyError';
  constructor(
    readonly path: (string | number)[],
    message: string,
  ) {
    super(message);
  }
}
