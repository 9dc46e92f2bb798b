// Another process writing the database while the dashboard reads it, as `sweep run` would: each
// line on stdin is a JSON command for the real writer (SqliteTrialStore from the built store).
// Commands: {"op":"trial","sweep":"strategies","number":40,"value":0.9} writes a whole COMPLETE
// trial with 3 epochs of metrics; {"op":"flood","sweep":"strategies","from":100,"count":200}
// writes that many trials as fast as it can. Answers one JSON line per command.
import { createInterface } from 'node:readline';
import { SqliteTrialStore } from '@loopsweep/store';

const store = SqliteTrialStore.open(process.argv[2]);
const sweepId = (name) => {
  const sweep = store.getSweep(name);
  if (!sweep) throw new Error(`no sweep ${name}`);
  return sweep.id;
};

function writeTrial(id, number, value) {
  store.batch(() => {
    store.createTrial(id, { number, state: 'QUEUED', params: { optimizer: 'adam', lr: 0.001, cell: 'lstm', units: 32 }, intermediate: new Map(), attempt: 1 });
    store.updateTrial(id, number, { state: 'RUNNING', owner: 'writer-process' });
  });
  store.appendMetrics(
    id,
    [1, 2, 3].map((step) => ({ trialNumber: number, step, metrics: { val_accuracy: value - 0.01 * (3 - step), loss: 1 / step } })),
  );
  store.updateTrial(id, number, { state: 'COMPLETE', value });
  store.appendEvent(id, number, 'trial_completed', `trial ${number} completed`);
}

process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  const command = JSON.parse(line);
  const id = sweepId(command.sweep);
  if (command.op === 'trial') writeTrial(id, command.number, command.value);
  else if (command.op === 'flood') for (let i = 0; i < command.count; i++) writeTrial(id, command.from + i, 0.5 + (i % 10) / 100);
  process.stdout.write(`${JSON.stringify({ done: command.op })}\n`);
}
store.close();
