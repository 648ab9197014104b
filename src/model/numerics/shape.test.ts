import { describe, expect, it } from 'vitest';
import { stableShape } from './shape.ts';

describe('stableShape', () => {
  it('copies the fields, in their order, onto objects of one class per builder', () => {
    const make = stableShape();
    const e = new Float64Array(3);
    const a = make({ n: 3, e, label: 'a' });
    const b = make({ n: 4, e: new Float64Array(4), label: 'b' });
    expect(Object.keys(a)).toEqual(['n', 'e', 'label']);
    expect(a.e).toBe(e);
    expect(b.n).toBe(4);
    expect(Object.getPrototypeOf(a)).toBe(Object.getPrototypeOf(b));
    expect(Object.getPrototypeOf(a)).not.toBe(Object.prototype);
  });

  it('gives each builder a class of its own', () => {
    const x = stableShape()({ n: 1 });
    const y = stableShape()({ n: 1 });
    expect(Object.getPrototypeOf(x)).not.toBe(Object.getPrototypeOf(y));
    expect(JSON.stringify(x)).toBe('{"n":1}');
  });
});
