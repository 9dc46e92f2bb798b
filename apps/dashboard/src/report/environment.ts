/**
 * The versions and machine a report states. Read where the report is written: the sweep's own
 * record keeps where its trials ran (`backend …` events), not the machine's software versions.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import type { ReportEnvironment } from '../api/report-types.js';

function versionOf(url: URL): string {
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

/** @tensorflow/tfjs-core's version, found through the model package without loading TensorFlow.js; null where it is not installed. */
export function tfjsVersion(): string | null {
  const require = createRequire(import.meta.url);
  for (const from of ['@loopsweep/model/package.json', undefined]) {
    try {
      const base = from === undefined ? require : createRequire(require.resolve(from));
      return versionOf(new URL(`file://${base.resolve('@tensorflow/tfjs-core/package.json')}`));
    } catch {
      // not resolvable from here: try the next place, else report it as unknown
    }
  }
  return null;
}

export function reportEnvironment(): ReportEnvironment {
  const cpus = os.cpus();
  return {
    loopsweep: versionOf(new URL('../../package.json', import.meta.url)),
    node: process.version,
    tfjs: tfjsVersion(),
    platform: os.platform(),
    arch: os.arch(),
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  };
}
