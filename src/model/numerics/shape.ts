/**
 * One hidden class for objects that hot kernels read and that a process builds again for every
 * solve (workspaces, prepared systems, economies).
 *
 * V8 generalises the field types of an object literal's hidden class when the literal is evaluated
 * a second time (its boilerplate is made then), and so throws away every function optimised against
 * the first object: a CLI run's counterfactual, the second solve of the process, would run cold again.
 * Properties copied onto an instance of a class of their own, in the same order each time, keep one
 * hidden class with stable field types.
 */

/**
 * A builder of objects of one kind: `fields` copied onto an instance of a class made for that kind.
 * Create it once per kind, at module level.
 *
 * @example
 * ```ts
 * const workspace = stableShape();
 * const ws = workspace({ e: new Float64Array(n), r: new Float64Array(n) }); // same hidden class every solve
 * ```
 */
export function stableShape(): <T extends object>(fields: T) => T {
  class Shape {}
  return (fields) => Object.assign(new Shape(), fields);
}
