import { describe, expect, it } from 'vitest';
import { erfc, logErfc, logNdtr, lowerTail, ndtr, ndtri, ndtriExp } from './normal.js';

/** |actual/expected − 1|, the error that matters across 300 orders of magnitude. */
const relativeError = (actual: number, expected: number): number => Math.abs(actual / expected - 1);

// Reference values from mpmath at 40 digits.
describe('erfc', () => {
  it.each([
    [-3, 1.9999779095030015],
    [-0.5, 1.5204998778130465],
    [0, 1],
    [1e-8, 0.9999999887162083],
    [0.3, 0.6713732405408726],
    [1, 0.15729920705028513],
    [2, 0.004677734981047266],
    [2.4999, 0.00040716990033345138],
    [2.5, 0.0004069520174449589],
    [3.7, 1.6715105790914599e-7],
    [6, 2.1519736712498913e-17],
    [10, 2.088487583762545e-45],
    [26, 5.663192408856143e-296],
  ])('erfc(%d) matches mpmath to 1e-13', (x, expected) => {
    // Far out, rounding in −x² (676 at x = 26) bounds what exp(−x²) can give.
    expect(relativeError(erfc(x), expected)).toBeLessThan(x > 10 ? 1e-13 : 1e-14);
  });

  it.each([
    [30, -903.9741171106439],
    [100, -10005.177585122665],
    [1000, -1000007.4801207219],
  ])('logErfc(%d) stays finite where erfc underflows', (x, expected) => {
    expect(erfc(x)).toBe(0);
    expect(relativeError(logErfc(x), expected)).toBeLessThan(1e-14);
  });
});

describe('logNdtr', () => {
  it.each([
    [-40, -804.6084420137538],
    [-10, -53.23128515051247],
    [-3, -6.607726221510349],
    [0, -0.6931471805599453],
    [1.5, -0.06914345561223398],
    [8, -6.220960574271786e-16],
  ])('logNdtr(%d) matches mpmath', (z, expected) => {
    expect(relativeError(logNdtr(z), expected)).toBeLessThan(1e-12);
  });

  it('agrees with log(ndtr) where ndtr is representable', () => {
    for (const z of [-7, -2, -0.1, 0.4, 3]) expect(logNdtr(z)).toBeCloseTo(Math.log(ndtr(z)), 13);
  });
});

describe('ndtri and ndtriExp', () => {
  it.each([
    [1e-300, -37.0470962993612],
    [1e-12, -7.034483825301132],
    [0.0001, -3.7190164854556804],
    [0.02425, -1.9729610513118849],
    [0.1, -1.2815515655446006],
    // Above 1/2 the reference is for the double nearest p, not the decimal: 1 − p is ill-conditioned.
    [0.8, 0.8416212335729144],
    [0.999999, 4.753424308817088],
  ])('ndtri(%d) matches mpmath to 1e-14', (p, expected) => {
    expect(relativeError(ndtri(p), expected)).toBeLessThan(1e-14);
  });

  it('gives 0 at 1/2 and the infinities at 0 and 1', () => {
    expect(ndtri(0.5)).toBe(0);
    expect(ndtri(0)).toBe(-Infinity);
    expect(ndtri(1)).toBe(Infinity);
  });

  it('inverts logNdtr far past the smallest double (log p = −804.6 → z = −40)', () => {
    expect(ndtriExp(-804.6084420137538)).toBeCloseTo(-40, 12);
    for (const z of [-300, -38, -5, -0.3, 0.2, 4, 7]) expect(relativeError(ndtriExp(logNdtr(z)), z)).toBeLessThan(1e-11);
  });
});

describe('lowerTail', () => {
  it('is ndtr to within 1e-16 absolute (a few ulps of a tail under 1/4) and 1e-14 relative', () => {
    for (let z = -9; z <= 0; z += 0.001) {
      expect(Math.abs(lowerTail(z) - ndtr(z))).toBeLessThan(1e-16);
      expect(relativeError(lowerTail(z), ndtr(z))).toBeLessThan(1e-14);
    }
  });
});
