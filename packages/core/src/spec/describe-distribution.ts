import type { Distribution } from '../search-space/distributions.js';
import { formatValue } from './describe-value.js';

/** What values a distribution takes, in words: "one of 'sgd', 'adam'", "an integer in [16, 256]". */
export function describeDistribution(distribution: Distribution): string {
  switch (distribution.kind) {
    case 'categorical':
      return `one of ${distribution.choices.map(formatValue).join(', ')}`;
    case 'fixed':
      return `always ${formatValue(distribution.value)}`;
    case 'float':
    case 'int': {
      const what = distribution.kind === 'int' ? 'an integer' : 'a number';
      const step = distribution.step !== undefined && !(distribution.kind === 'int' && distribution.step === 1) ? ` in steps of ${distribution.step}` : '';
      return `${what} in [${distribution.low}, ${distribution.high}]${step}`;
    }
  }
}
