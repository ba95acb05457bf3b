// The analytics API: pure maths over plain arrays and ThemeTotals, no I/O.
export { logBeta, logGamma, regularizedIncompleteBeta } from './special-functions.js';
export {
  Z_CRITICAL_95,
  correlationPValue,
  fisherCi95,
  studentTTwoSidedP,
} from './distributions.js';
export { completePairs, type CompletePairs } from './pairs.js';
export { averageRanks } from './ranking.js';
export {
  pearson,
  pearsonCoefficient,
  spearman,
  type CorrelationNullReason,
  type CorrelationResult,
} from './correlation.js';
export {
  PARETO_MEASURES,
  measureValue,
  pareto,
  paretoComparator,
  type ParetoMeasure,
  type ParetoResult,
  type ParetoRow,
} from './pareto.js';
export {
  impactFor,
  impactTotals,
  themeImpact,
  vitalFewImpact,
  type ImpactOptions,
  type ImpactSummary,
  type ThemeImpact,
} from './impact.js';
export { looksLikeNpsScale, nps, outcomeScale, type NpsResult, type OutcomeScale } from './nps.js';
export {
  DEFAULT_MIN_N,
  aspectResult,
  compareAspects,
  keyDrivers,
  keyDriversFromCrosstabs,
  type AspectResult,
  type KeyDriverOptions,
  type KeyDriverReport,
} from './key-drivers.js';
export {
  DEFAULT_MAX_LAG,
  DEFAULT_MIN_WEEKS,
  predictiveness,
  type LagCorrelation,
  type PredictivenessOptions,
  type PredictivenessResult,
} from './predictiveness.js';
