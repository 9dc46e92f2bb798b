import type { SweepSpec } from './sweep-spec.js';

/** A spec as a document: everything but the derived `space`. */
export type SweepSpecDocument = Omit<SweepSpec, 'space'>;

/**
 * The document to store or show for a validated spec: defaults filled in, `space` left out
 * (derived, and not a key a spec may have), so validateSweepSpec accepts it again and gives the
 * same spec.
 */
export function sweepSpecDocument(spec: SweepSpec): SweepSpecDocument | Omit<SweepSpecDocument, 'metric'> {
  const { space: _space, ...document } = spec;
  // A multi-objective spec's `metric` is derived (the first of `metrics`), and a spec may not have both.
  if (document.metrics !== undefined) {
    const { metric: _metric, ...multiObjective } = document;
    return multiObjective;
  }
  return document;
}
