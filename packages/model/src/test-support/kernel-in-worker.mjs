// Runs one recurrence forward and backward through the compiled package's kernel in a worker
// thread and posts the results back (the kernel tests compare them with the main thread's).
import { parentPort, workerData } from 'node:worker_threads';
import { loadRnnKernel } from '../../dist/kernels/index.js';

const { problem, arrays, dOutput } = workerData;
const kernel = loadRnnKernel();
const forward = kernel.forward(problem, arrays);
const gradients = kernel.backward(problem, arrays, forward, dOutput);
parentPort.postMessage({ output: forward.output, gradients, memoryBytes: kernel.memoryBytes });
