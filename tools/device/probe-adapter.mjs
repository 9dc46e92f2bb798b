// Prints the WebGPU adapter Dawn finds (its description), or exits 1 saying none was found.
// run.sh calls it before anything else, so that a missing Vulkan driver is named before a sweep
// starts, and so that it can retry with the NVIDIA driver's ICD file. Runs from the kit's app/dist/,
// where `webgpu` resolves to the kit's node_modules.
import { create, globals } from 'webgpu';

Object.assign(globalThis, globals);
const adapter = await create([]).requestAdapter();
if (!adapter) {
  process.stderr.write('no WebGPU adapter: Dawn found no Vulkan driver it accepts\n');
  process.exit(1);
}
const { vendor, architecture, device, description } = adapter.info ?? {};
process.stdout.write(`${[description || device, vendor && `vendor ${vendor}`, architecture && `arch ${architecture}`].filter(Boolean).join(', ')}\n`);
// Dawn keeps the process alive with its own threads; nothing is left to do.
process.exit(0);
