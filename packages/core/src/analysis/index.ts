export type { ComparableTrial } from './comparable-trial.js';
export { describeStrategies, strategyKey, type StrategyDescription, type StrategyGroup } from './describe-strategies.js';
export { comparisonProtocolOf, suggestedProtocolYaml, SUGGESTED_CONFIRM_SEEDS, type ComparisonProtocol } from './comparison-protocol.js';
export {
  CONFIRM_STAGE,
  judgeStrategies,
  type JudgedGroup,
  type JudgeStrategiesOptions,
  type ReplicatePoint,
  type StrategyDecision,
  type StrategyVerdict,
} from './judge-strategies.js';
export { quantileSorted } from './quantile.js';
export { studentTQuantile } from './student-t.js';
export {
  MIN_IMPORTANCE_TRIALS,
  pedAnovaImportance,
  type ImportanceParam,
  type ImportanceResult,
  type ImportanceTrial,
  type ParamImportance,
  type PedAnovaOptions,
} from './ped-anova.js';
export {
  bootstrapCi,
  bootstrapDistribution,
  DEFAULT_RESAMPLES,
  percentileInterval,
  resampleSortedInto,
  SortedResampler,
  type BootstrapCi,
  type BootstrapCiOptions,
} from './bootstrap.js';
export { chooseEstimator, estimatorFn, iqmOf, IQM_MIN_REPLICATES, meanOf, type Estimator } from './estimators.js';
export { EXACT_PERMUTATION_LIMIT, permutationPValue, smallestPermutationPValue, type PermutationTestOptions } from './permutation-test.js';
export { holmAdjust } from './holm.js';
export { probabilityOfImprovement } from './probability-of-improvement.js';
export { probabilityOfBeingBest } from './probability-best.js';
export type { ScoredGroup } from './validate.js';
export {
  confirmationVerdict,
  type ConfirmationDecision,
  type ConfirmationVerdict,
  type ConfirmationVerdictOptions,
  type LeaderComparison,
  type VerdictGroup,
} from './confirmation-verdict.js';
export { expectedBestCurve, expectedBestSorted, type ExpectedBestCurve, type ExpectedBestCurveOptions } from './expected-max.js';
export { exploratorySummary, type ExploratoryGroup, type ExploratorySummary, type ExploratorySummaryOptions } from './exploratory-summary.js';
