/**
 * Distribution of the one-sample Kolmogorov-Smirnov statistic for finite n:
 * `kstwoSf(d, n)` = Pr(D_n >= d), the same algorithm selection as SciPy's
 * `scipy.stats.kstwo.sf` (`_kolmogn` in scipy/stats/_ksstats.py, after
 * Simard & L'Ecuyer 2011): Ruben-Gambino closed forms at the ends, the
 * Durbin matrix (Marsaglia-Tsang-Wang), Pomeranz's recursion, the Pelz-Good
 * asymptotic series, and twice the one-sided Smirnov tail for large d.
 *
 * `smirnovSf(n, d)` = Pr(D_n^+ >= d) by the Birnbaum-Tingey sum. SciPy
 * evaluates it in double-double arithmetic; here the terms are summed in
 * log space in doubles, which agrees with SciPy to ~1e-12 relative for
 * n <= 1000 and ~1e-9 at n = 200,000 in the region kstwo uses it
 * (n d^2 >= 2.2 or d >= 0.5). The tests pin both.
 */

const E128 = 128;
const EP128 = 2 ** 128;
const EM128 = 2 ** -128;
const LOG_2PI = Math.log(2 * Math.PI);
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const MIN_LOG = -708;
const SQRT3 = Math.sqrt(3);
const PI_SQUARED = Math.PI ** 2;
const PI_FOUR = Math.PI ** 4;
const PI_SIX = Math.PI ** 6;
const MINLOG = -745.1332191019412;
const EPSILON = 2.220446049250313e-16;
const SMIRNOV_MAX_COMPUTE_N = 1_000_000;

const STIRLING_COEFFS = [
  -0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 0.0008417508417508417, -0.0005952380952380953,
  0.0007936507936507937, -0.002777777777777778, 0.08333333333333333,
];

function clip01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

/** x * 2^e without intermediate overflow or underflow. */
function ldexp(x: number, e: number): number {
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  return x * 2 ** e;
}

/** log(n! / n^n) by Stirling's series with n log n removed up front. */
function logFactorialOverPower(n: number): number {
  const rn = 1 / n;
  let poly = STIRLING_COEFFS[0];
  for (let i = 1; i < STIRLING_COEFFS.length; i++) poly = poly * (rn / n) + STIRLING_COEFFS[i];
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}

function matmul(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    const rowOut = i * m;
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k];
      if (aik === 0) continue;
      const rowB = k * m;
      for (let j = 0; j < m; j++) out[rowOut + j] += aik * b[rowB + j];
    }
  }
  return out;
}

/** Pr(D_n <= d) by the Durbin matrix, computed as Marsaglia, Tsang & Wang (2003). */
function kolmognDurbin(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    v[j - 1] = 1 - h ** j;
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] *= fac;
  }
  const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + tt) * fac;
  let H: Float64Array = new Float64Array(m * m);
  for (let i = 1; i < m; i++) {
    for (let r = i - 1; r < m; r++) H[r * m + i] = w[r - (i - 1)];
  }
  for (let r = 0; r < m; r++) H[r * m] = v[r];
  for (let c = 0; c < m; c++) H[(m - 1) * m + c] = v[m - 1 - c];

  let power: Float64Array = new Float64Array(m * m);
  for (let i = 0; i < m; i++) power[i * m + i] = 1;
  let nn = n;
  let exponent = 0;
  let hExponent = 0;
  while (nn > 0) {
    if (nn % 2) {
      power = matmul(power, H, m);
      exponent += hExponent;
    }
    H = matmul(H, H, m);
    hExponent *= 2;
    if (Math.abs(H[(k - 1) * m + (k - 1)]) > EP128) {
      for (let i = 0; i < H.length; i++) H[i] /= EP128;
      hExponent += E128;
    }
    nn = Math.floor(nn / 2);
  }
  let p = power[(k - 1) * m + (k - 1)];
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < EM128) {
      p *= EP128;
      exponent -= E128;
    }
  }
  if (exponent !== 0) p = ldexp(p, exponent);
  return clip01(p);
}

function pomeranzBounds(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const half = Math.floor((i + 1) / 2);
    if ((i + 1) % 2 === 0) {
      if (half === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = half - 1 - ll - roundf - 1;
        j2 = half + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = half - 1 - ll - 1;
      j2 = half + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/** Pr(D_n <= x) by Pomeranz's recursion (1974). */
function kolmognPomeranz(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  const gpower = new Float64Array(npwrs);
  const twogpower = new Float64Array(npwrs);
  const onem2gpower = new Float64Array(npwrs);
  gpower[0] = 1;
  twogpower[0] = 1;
  onem2gpower[0] = 1;
  let exponent = 0;
  const gOverN = g / n;
  const twoGOverN = (2 * g) / n;
  const oneMinusTwoGOverN = (1 - 2 * g) / n;
  for (let m = 1; m < npwrs; m++) {
    gpower[m] = (gpower[m - 1] * gOverN) / m;
    twogpower[m] = (twogpower[m - 1] * twoGOverN) / m;
    onem2gpower[m] = (onem2gpower[m - 1] * oneMinusTwoGOverN) / m;
  }
  let V0 = new Float64Array(npwrs);
  let V1 = new Float64Array(npwrs);
  V1[0] = 1;
  let V0s = 0;
  let V1s = 0;
  let j1 = pomeranzBounds(0, n, ll, ceilf, roundf)[0];
  let j2: number;
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [V0, V1] = [V1, V0];
    [V0s, V1s] = [V1s, V0s];
    V1.fill(0);
    [j1, j2] = pomeranzBounds(i, n, ll, ceilf, roundf);
    const powers = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      const from = k1 - V0s;
      const convStart = j1 - k1;
      const convLength = j2 - j1 + 1;
      let largest = 0;
      for (let o = 0; o < convLength; o++) {
        const target = convStart + o;
        let sum = 0;
        const lo = Math.max(0, target - (ln2 - 1));
        const hi = Math.min(target, ln2 - 1);
        for (let a = lo; a <= hi; a++) {
          const index = from + a;
          if (index >= 0 && index < npwrs) sum += V0[index] * powers[target - a];
        }
        V1[o] = sum;
        if (sum > largest) largest = sum;
      }
      if (largest > 0 && largest < EM128) {
        for (let o = 0; o < npwrs; o++) V1[o] *= EP128;
        exponent -= E128;
      }
      V1s = V0s + j1 - k1;
    }
  }
  let answer = V1[n - V1s];
  for (let m = 1; m <= n; m++) {
    if (Math.abs(answer) > EP128) {
      answer *= EM128;
      exponent += E128;
    }
    answer *= m;
  }
  if (exponent !== 0) answer = ldexp(answer, exponent);
  return clip01(answer);
}

/** Pelz-Good (1976) approximation to Pr(D_n <= x). */
function kolmognPelzGood(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const zsquared = z ** 2;
  const zthree = z ** 3;
  const zfour = z ** 4;
  const zsix = z ** 6;
  const qlog = -PI_SQUARED / 8 / zsquared;
  if (qlog < MIN_LOG) return 0;
  let q = Math.exp(qlog);
  const k1a = -zsquared;
  const k1b = PI_SQUARED / 4;
  const k2a = 6 * zsix + 2 * zfour;
  const k2b = ((2 * zfour - 5 * zsquared) * PI_SQUARED) / 4;
  const k2c = (PI_FOUR * (1 - 2 * zsquared)) / 16;
  const k3d = (PI_SIX * (5 - 30 * zsquared)) / 64;
  const k3c = (PI_FOUR * (-60 * zsquared + 212 * zfour)) / 16;
  const k3b = (PI_SQUARED * (135 * zfour - 96 * zsix)) / 4;
  const k3a = -30 * zsix - 90 * z ** 8;
  const K = [0, 0, 0, 0];
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const msquared = m ** 2;
    const mfour = m ** 4;
    const msix = m ** 6;
    const qpower = q ** (8 * k);
    const coeffs = [1, k1a + k1b * msquared, k2a + k2b * msquared + k2c * mfour, k3a + k3b * msquared + k3c * mfour + k3d * msix];
    for (let i = 0; i < 4; i++) K[i] = K[i] * qpower + coeffs[i];
  }
  const divisors = [z, 6 * zfour, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) K[i] = (K[i] * q * SQRT_2PI) / divisors[i];
  q = Math.exp(-PI_SQUARED / 2 / zsquared);
  const sqrt3z = SQRT3 * z;
  let k2extra = 0;
  let k3extra = 0;
  for (let k = maxk; k > 0; k--) {
    const ksquared = k * k;
    const qpower = q ** ksquared;
    const kspi = Math.PI * k;
    k2extra += ksquared * qpower;
    k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksquared * qpower;
  }
  K[2] += (k2extra * PI_SQUARED * SQRT_2PI) / (-36 * zthree);
  K[3] += (k3extra * PI_SQUARED * SQRT_2PI) / (216 * zsix);
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += K[i] / Math.pow(n, i / 2);
  return sum;
}

/**
 * One-sided Smirnov tail Pr(D_n^+ >= x) (scipy.special.smirnov), by the
 * lower Birnbaum-Tingey sum x * sum_v C(n,v) (1-x-v/n)^(n-v) (x+v/n)^(v-1).
 */
export function smirnovSf(n: number, x: number): number {
  if (!(n > 0 && Number.isInteger(n) && x >= 0 && x <= 1)) return Number.NaN;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  const nx = n * x;
  let nxFloor = Math.floor(nx);
  let alpha = nx - nxFloor;
  if (alpha === 1) {
    nxFloor += 1;
    alpha = 0;
  }
  if (nxFloor === 0 || (nxFloor === 1 && alpha === 0)) {
    return 1 - x * Math.pow(1 + x, n - 1);
  }
  if (-2 * n * x * x < MINLOG) return 0;
  if (nxFloor >= n - 1) return Math.pow(1 - x, n);
  if (n > SMIRNOV_MAX_COMPUTE_N) {
    const logp = -Math.pow(6 * n * x + 1, 2) / 18 / n;
    // Tail form for small p, complement of expm1 otherwise, as Cephes does.
    return logp < -Math.LN2 ? Math.exp(logp) : 1 + Math.expm1(logp);
  }
  const lastTerm = n - nxFloor - 1;
  const nTerms = lastTerm + 1;
  const vmid = Math.floor(n / 2);
  let logBinomial = 0;
  let sum = 0;
  for (let v = 0; v <= lastTerm; v++) {
    const base1 = (n - v) / n - x;
    const base2 = x + v / n;
    let term = 0;
    if (base1 > 0) {
      term = Math.exp(logBinomial + (n - v) * Math.log(base1) + (v - 1) * Math.log(base2));
      sum += term;
    }
    if (term !== 0) {
      if (4 * (nTerms - v) * term < EPSILON * sum && v !== nTerms - 1) break;
    } else if (v > vmid) {
      break;
    }
    logBinomial += Math.log((n - v) / (v + 1));
  }
  return clip01(x * sum);
}

/**
 * Pr(D_n >= d) for the two-sided one-sample KS statistic with sample size n
 * (scipy.stats.kstwo.sf(d, n)).
 */
export function kstwoSf(d: number, n: number): number {
  if (!(n > 0) || !Number.isInteger(n)) return Number.NaN;
  if (d !== d) return Number.NaN;
  if (d >= 1) return 0;
  if (d <= 0) return 1;
  const t = n * d;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    let prob: number;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * (1 / n) * (2 * t - 1);
    } else {
      prob = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }
    return clip01(1 - prob);
  }
  if (t >= n - 1) return clip01(2 * Math.pow(1 - d, n));
  if (d >= 0.5) return clip01(2 * smirnovSf(n, d));
  const nxsquared = t * d;
  if (n <= 140) {
    if (nxsquared <= 0.754693) return clip01(1 - kolmognDurbin(n, d));
    if (nxsquared <= 4) return clip01(1 - kolmognPomeranz(n, d));
    return clip01(2 * smirnovSf(n, d));
  }
  if (nxsquared >= 370) return 0;
  if (nxsquared >= 2.2) return clip01(2 * smirnovSf(n, d));
  let cdf: number;
  if (n <= 100000 && n * Math.pow(d, 1.5) <= 1.4) cdf = kolmognDurbin(n, d);
  else cdf = kolmognPelzGood(n, d);
  return clip01(1 - cdf);
}
