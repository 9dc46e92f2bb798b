export { compareStrategies, type ComparableTrial, type StrategyComparison, type StrategyGroup } from './compare-strategies.js';
export { quantileSorted } from './quantile.js';
export { MIN_IMPORTANCE_TRIALS, pedAnovaImportance, type ImportanceParam, type ImportanceResult, type ImportanceTrial, type ParamImportance, type PedAnovaOptions } from './ped-anova.js';
