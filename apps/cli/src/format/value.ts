import { formatNumber, formatParamValue, type ParamValue } from '@loopsweep/core';

// One rule for numbers everywhere people read them (the report too): core's.
export { formatNumber, formatParamValue };

/** `cell=gru optimizer=adam lr=3.162e-3` in the given order (default: the object's order). */
export function formatParams(params: Readonly<Record<string, ParamValue>>, order?: readonly string[]): string {
  const names = order ? [...order.filter((n) => n in params), ...Object.keys(params).filter((n) => !order.includes(n))] : Object.keys(params);
  return names.map((name) => `${name}=${formatParamValue(params[name])}`).join(' ');
}
