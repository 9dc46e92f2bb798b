import { parseDevices, type DeviceSlots } from '@loopsweep/runner';
import { UsageError } from './errors.js';

/**
 * The device slots for --devices (absent: `parallel` wasm threads).
 * @throws {UsageError} for a --devices the runner cannot use, with its reason.
 */
export function deviceSlots(devices: string | undefined, parallel: number): DeviceSlots {
  try {
    return parseDevices(devices, parallel);
  } catch (error) {
    const message = (error as Error).message;
    throw new UsageError(
      message.startsWith('--devices') ? message : `--devices ${JSON.stringify(devices)}: ${message}`,
      'e.g. --devices wasm:2, cpu:2, webgpu:2, auto:2, gpu:0,gpu:1, process:wasm:2, or a plain number',
    );
  }
}
