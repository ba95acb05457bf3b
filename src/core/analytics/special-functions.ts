// Special functions behind the p-values of correlation coefficients. They live here rather
// than in a dependency so that src/core stays pure TypeScript; both are accurate to about
// 1e-13 relative over the range correlation tests use (checked against mpmath and scipy in
// test/unit/analytics/special-functions.test.ts).

// Lanczos approximation with g = 671/128 and 14 terms (Numerical Recipes, 3rd ed., §6.1):
// full double precision for every x > 0, with no reflection needed since we never go below 0.
const LANCZOS_G = 671 / 128;
// Coefficients as the nearest doubles to the published 18-digit values (so the linter can
// see that no precision is lost in parsing them).
const LANCZOS_SERIES_START = 0.9999999999999971;
const SQRT_TWO_PI = 2.5066282746310007;
const LANCZOS_COEFFICIENTS = [
  57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202,
  3.399464998481189e-5, 4.652362892704858e-5, -9.837447530487956e-5, 1.580887032249125e-4,
  -2.1026444172410488e-4, 2.1743961811521265e-4, -1.643181065367639e-4, 8.441822398385275e-5,
  -2.6190838401581408e-5, 3.6899182659531625e-6,
] as const;

/** The Lanczos series S(x), so that Γ(x) = √(2π)·S(x)/x · (x+g)^(x+½) · e^−(x+g). */
function lanczosSeries(x: number): number {
  let series = LANCZOS_SERIES_START;
  let denominator = x;
  for (const c of LANCZOS_COEFFICIENTS) {
    denominator += 1;
    series += c / denominator;
  }
  return series;
}

/** ln Γ(x) for x > 0; NaN otherwise. */
export function logGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return Number.NaN;
  const base = x + LANCZOS_G;
  return (x + 0.5) * Math.log(base) - base + Math.log((SQRT_TWO_PI * lanczosSeries(x)) / x);
}

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a+b). For a large argument, ln Γ(big) and
 * ln Γ(big+small) are huge and nearly equal; subtracting them would throw away digits
 * (1e-11 relative at df = 10,000), so their difference is formed inside the Lanczos form.
 */
export function logBeta(a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) return Number.NaN;
  const big = Math.max(a, b);
  const small = Math.min(a, b);
  const sum = big + small;
  // ln Γ(sum) − ln Γ(big), term by term from the Lanczos form of each.
  const powerTerms =
    (big + 0.5) * Math.log1p(small / (big + LANCZOS_G)) + small * Math.log(sum + LANCZOS_G);
  const ratio =
    powerTerms -
    small +
    Math.log(lanczosSeries(sum) / lanczosSeries(big)) -
    Math.log1p(small / big);
  return logGamma(small) - ratio;
}

const CF_MAX_ITERATIONS = 10_000;
const CF_EPSILON = Number.EPSILON;
// Lentz's method divides by running terms; this floor stops a zero term from blowing up.
const CF_TINY = 1e-300;

/** Continued fraction for I_x(a, b), evaluated with the modified Lentz method. */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  d = 1 / (Math.abs(d) < CF_TINY ? CF_TINY : d);
  let h = d;
  for (let m = 1; m <= CF_MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    // Even step of the fraction.
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    d = 1 / (Math.abs(d) < CF_TINY ? CF_TINY : d);
    c = 1 + aa / c;
    if (Math.abs(c) < CF_TINY) c = CF_TINY;
    h *= d * c;
    // Odd step of the fraction.
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    d = 1 / (Math.abs(d) < CF_TINY ? CF_TINY : d);
    c = 1 + aa / c;
    if (Math.abs(c) < CF_TINY) c = CF_TINY;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= CF_EPSILON) break;
  }
  return h;
}

/**
 * The regularized incomplete beta function I_x(a, b), argument order as scipy's betainc.
 * `y` is 1 − x; callers that know it exactly (e.g. r² when x = 1 − r²) pass it so that
 * nothing is lost to cancellation when x is close to 1.
 */
export function regularizedIncompleteBeta(a: number, b: number, x: number, y = 1 - x): number {
  if (!(a > 0) || !(b > 0) || Number.isNaN(x) || Number.isNaN(y)) return Number.NaN;
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  // log1p of the complement keeps full precision for whichever of x, y is near 1.
  const logX = x > 0.5 ? Math.log1p(-y) : Math.log(x);
  const logY = y > 0.5 ? Math.log1p(-x) : Math.log(y);
  const front = Math.exp(a * logX + b * logY - logBeta(a, b));
  // The fraction converges fast only on this side of the mean; use symmetry on the other.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, y)) / b;
}
