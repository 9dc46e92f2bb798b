/**
 * Each sweep's metric names, kept current without re-reading its metrics: the first read scans
 * them all (about a second at 2 million metric rows), later ones only the rows written since
 * (metric names only ever grow).
 */
import type { SweepReader } from '@loopsweep/store';

interface Known {
  readonly names: Set<string>;
  metricId: number;
  version: number;
}

export class MetricNames {
  readonly #reader: SweepReader;
  readonly #known = new Map<string, Known>();

  constructor(reader: SweepReader) {
    this.#reader = reader;
  }

  /** The names of every metric the sweep's trials reported, sorted. @throws {StoreError} when the database cannot be read. */
  of(sweep: string): string[] {
    const reader = this.#reader;
    const version = reader.dataVersion();
    let known = this.#known.get(sweep);
    if (known === undefined) {
      const first = reader.snapshot(() => ({ names: reader.metricNames(sweep), metricId: reader.cursor(sweep)?.metricId ?? 0 }));
      known = { names: new Set(first.names), metricId: first.metricId, version };
      this.#known.set(sweep, known);
    } else if (known.version !== version) {
      const since = known.metricId;
      const next = reader.snapshot(() => ({ names: reader.newMetricNames(sweep, since), metricId: reader.cursor(sweep)?.metricId ?? since }));
      for (const name of next.names) known.names.add(name);
      known.metricId = next.metricId;
      known.version = version;
    }
    return [...known.names].sort();
  }
}
