import { sameJson } from '../src/kustomize';

describe('sameJson (the shortcut buildOverlay takes before computing a patch)', () => {
  it.each([
    [
      { a: 1, b: [1, { c: 'x' }] },
      { b: [1, { c: 'x' }], a: 1 },
    ],
    [{ a: 1, gone: undefined }, { a: 1 }],
    [[], []],
    [null, null],
    ['text', 'text'],
  ])('%j equals %j', (a, b) => {
    expect(sameJson(a, b)).toBe(true);
    expect(sameJson(b, a)).toBe(true);
  });

  it.each([
    [{ a: 1 }, { a: 2 }],
    [{ a: 1 }, { a: 1, b: 2 }],
    [{ a: [1, 2] }, { a: [2, 1] }],
    [{ a: [1] }, { a: { 0: 1 } }],
    [{ a: null }, { a: {} }],
    [{ a: '1' }, { a: 1 }],
    [
      [1, 2],
      [1, 2, 3],
    ],
    [{ a: undefined }, { a: null }],
  ])('%j differs from %j', (a, b) => {
    expect(sameJson(a, b)).toBe(false);
    expect(sameJson(b, a)).toBe(false);
  });
});
