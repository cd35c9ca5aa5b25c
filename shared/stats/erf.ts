/**
 * Error function and its complement, ported from Cephes (`ndtr.c`, as used
 * by scipy.special): rational approximations with relative error ~1e-14
 * including the far tail, where erfc(x) is computed directly rather than as
 * 1 - erf(x).
 */

const P = [
  2.461969814735305e-10, 0.5641895648310689, 7.463210564422699, 48.63719709856814, 196.5208329560771,
  526.4451949954773, 934.5285271719576, 1027.5518868951572, 557.5353353693994,
];
const Q = [
  13.228195115474499, 86.70721408859897, 354.9377788878199, 975.7085017432055, 1823.9091668790973,
  2246.3376081871097, 1656.6630919416134, 557.5353408177277,
];
const R = [0.5641895835477551, 1.275366707599781, 5.019050422511805, 6.160210979930536, 7.4097426995044895, 2.9788666537210022];
const S = [2.2605286322011726, 9.396035249380015, 12.048953980809666, 17.08144507475659, 9.608968090632859, 3.369076451000815];
const T = [9.604973739870516, 90.02601972038427, 2232.005345946843, 7003.325141128051, 55592.30130103949];
const U = [33.56171416475031, 521.3579497801527, 4594.323829709801, 22629.000061389095, 49267.39426086359];

/** Largest argument of exp() that does not overflow (Cephes MAXLOG). */
export const MAXLOG = 709.782712893384;

/** Polynomial with coefficients from the highest degree down (Cephes polevl). */
export function polevl(x: number, coefficients: readonly number[]): number {
  let y = coefficients[0];
  for (let i = 1; i < coefficients.length; i++) y = y * x + coefficients[i];
  return y;
}

/** Like {@link polevl} with an implicit leading coefficient 1 (Cephes p1evl). */
export function p1evl(x: number, coefficients: readonly number[]): number {
  let y = x + coefficients[0];
  for (let i = 1; i < coefficients.length; i++) y = y * x + coefficients[i];
  return y;
}

/** Complementary error function, accurate in the upper tail. */
export function erfc(a: number): number {
  if (a !== a) return Number.NaN;
  const x = Math.abs(a);
  if (x < 1) return 1 - erf(a);
  const z = -a * a;
  if (z < -MAXLOG) return a < 0 ? 2 : 0;
  const ez = Math.exp(z);
  let p: number;
  let q: number;
  if (x < 8) {
    p = polevl(x, P);
    q = p1evl(x, Q);
  } else {
    p = polevl(x, R);
    q = p1evl(x, S);
  }
  let y = (ez * p) / q;
  if (a < 0) y = 2 - y;
  if (y === 0) return a < 0 ? 2 : 0;
  return y;
}

/** Error function. */
export function erf(x: number): number {
  if (x !== x) return Number.NaN;
  if (x < 0) return -erf(-x);
  if (x > 1) return 1 - erfc(x);
  const z = x * x;
  return (x * polevl(z, T)) / p1evl(z, U);
}
