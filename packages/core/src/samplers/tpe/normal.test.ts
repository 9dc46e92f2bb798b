import { describe, expect, it } from 'vitest';
import { erfc, logErfc, logNdtr, ndtr, ndtri, ndtriExp } from './normal.js';

/** |actual/expected − 1|, the error that matters across 300 orders of magnitude. */
const relativeError = (actual: number, expected: number): number => Math.abs(actual / expected - 1);

// Reference values from mpmath at 40 digits.
describe('erfc', () => {
  it.each([
    [-3, 1.9999779095030014],
    [-0.5, 1.5204998778130465],
    [0, 1],
    [1e-8, 0.99999998871620833],
    [0.3, 0.67137324054087258],
    [1, 0.15729920705028513],
    [2, 0.0046777349810472658],
    [2.4999, 0.00040716990033345138],
    [2.5, 0.00040695201744495894],
    [3.7, 1.6715105790914598e-7],
    [6, 2.1519736712498913e-17],
    [10, 2.0884875837625448e-45],
    [26, 5.6631924088561428e-296],
  ])('erfc(%d) matches mpmath to 1e-13', (x, expected) => {
    // Far out, rounding in −x² (676 at x = 26) bounds what exp(−x²) can give.
    expect(relativeError(erfc(x), expected)).toBeLessThan(x > 10 ? 1e-13 : 1e-14);
  });

  it.each([
    [30, -903.97411711064388],
    [100, -10005.177585122664],
    [1000, -1000007.4801207219],
  ])('logErfc(%d) stays finite where erfc underflows', (x, expected) => {
    expect(erfc(x)).toBe(0);
    expect(relativeError(logErfc(x), expected)).toBeLessThan(1e-14);
  });
});

describe('logNdtr', () => {
  it.each([
    [-40, -804.60844201375379],
    [-10, -53.231285150512471],
    [-3, -6.6077262215103495],
    [0, -0.69314718055994531],
    [1.5, -0.069143455612233983],
    [8, -6.2209605742717861e-16],
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
    [1e-12, -7.0344838253011319],
    [0.0001, -3.7190164854556806],
    [0.02425, -1.9729610513118849],
    [0.1, -1.2815515655446005],
    // Above 1/2 the reference is for the double nearest p, not the decimal: 1 − p is ill-conditioned.
    [0.8, 0.84162123357291436],
    [0.999999, 4.7534243088170878],
  ])('ndtri(%d) matches mpmath to 1e-14', (p, expected) => {
    expect(relativeError(ndtri(p), expected)).toBeLessThan(1e-14);
  });

  it('gives 0 at 1/2 and the infinities at 0 and 1', () => {
    expect(ndtri(0.5)).toBe(0);
    expect(ndtri(0)).toBe(-Infinity);
    expect(ndtri(1)).toBe(Infinity);
  });

  it('inverts logNdtr far past the smallest double (log p = −804.6 → z = −40)', () => {
    expect(ndtriExp(-804.60844201375379)).toBeCloseTo(-40, 12);
    for (const z of [-300, -38, -5, -0.3, 0.2, 4, 7]) expect(relativeError(ndtriExp(logNdtr(z)), z)).toBeLessThan(1e-11);
  });
});
