import { composeQuantityCpu, composeQuantityMemory } from '@twinform/compose';

describe('composeQuantityCpu', () => {
  it.each([
    ['250m', '0.25'],
    ['100m', '0.1'],
    ['1500m', '1.5'],
    ['1', '1'],
    [2, '2'],
    [0.5, '0.5'],
    ['0.5', '0.5'],
    ['1k', '1000'],
    ['1u', '0.000001'],
    ['1n', '0.000000001'],
  ])('%p -> %p', (input, expected) => {
    expect(composeQuantityCpu(input)).toBe(expected);
  });

  it.each(['', 'abc', '-1', '1x', '1Mix', '1e99', '1e3m'])('rejects %p', (input) => {
    expect(composeQuantityCpu(input)).toBeUndefined();
  });
});

describe('composeQuantityMemory', () => {
  it.each([
    ['256Mi', '256M'],
    ['1Gi', '1G'],
    ['1.5Gi', '1536M'],
    ['512Ki', '512K'],
    ['2Ti', '2T'],
    ['1024Mi', '1G'],
    // Kubernetes decimal units are not compose's binary ones: keep the exact byte count.
    ['256M', '250000K'],
    ['1G', '1000000000'],
    ['128974848', '123M'],
    ['129e6', '129000000'],
    ['0', '0'],
  ])('%p -> %p', (input, expected) => {
    expect(composeQuantityMemory(input)).toBe(expected);
  });

  it('produces values docker/go-units RAMInBytes parses', () => {
    const ramInBytes = /^[-+]?\d+$|^(\d+(\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/;
    for (const input of ['256Mi', '1G', '1.5Gi', '100M', '7', '3Ei']) {
      expect(composeQuantityMemory(input)).toMatch(ramInBytes);
    }
  });

  it.each(['', '256MB', 'Mi', '-1Gi', '1.2.3Gi'])('rejects %p', (input) => {
    expect(composeQuantityMemory(input)).toBeUndefined();
  });
});
