import type { ParamValue, Params } from '@loopsweep/core';

/** How one parameter value sits in `trial_params`: numbers in num_value, everything else as text. */
export interface ParamCell {
  readonly num: number | null;
  readonly text: string | null;
}

/** Booleans become 'true' / 'false' so a filter on text finds them; the JSON column keeps the type. */
export function paramCell(value: ParamValue): ParamCell {
  return typeof value === 'number' ? { num: value, text: null } : { num: null, text: String(value) };
}

export function encodeParams(params: Params): string {
  return JSON.stringify(params);
}

export function decodeParams(json: string): Params {
  return JSON.parse(json) as Params;
}
