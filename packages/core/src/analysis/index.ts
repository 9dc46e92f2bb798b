export { compareStrategies, type ComparableTrial, type StrategyComparison, type StrategyGroup } from './compare-strategies.js';
export { quantileSorted } from './quantile.js';
