import type { ParamInfo } from '../api/types';

/**
 * The params that vary across trials. A fixed param (`value:` in the spec) is one category with
 * one choice: an axis, a slice plot or a filter for it would say nothing.
 */
export function varyingParams(params: readonly ParamInfo[]): readonly ParamInfo[] {
  return params.filter((p) => p.kind === 'numeric' || (p.values?.length ?? 0) !== 1);
}
