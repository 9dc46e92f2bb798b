/**
 * One problem with a spec's `dataset` block: the key it is about (`text_column`), what is wrong
 * and how to fix it. Model does not depend on core, so this mirrors core's SpecProblem; the
 * runner turns `key` into the path `dataset.<key>`.
 */
export interface DatasetProblem {
  readonly key: string;
  readonly message: string;
  readonly hint?: string;
}
