/**
 * One process slot of a ProcessPoolExecutor: a child process running dist/worker/process-host.js,
 * one trial at a time. The child is started for the first trial and again after it dies.
 */
import type { TrialOutcome } from '@loopsweep/core';
import type { BackendName } from '@loopsweep/core';
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { HostMessage, HostRequest } from '../worker/messages.js';
import { cancelledOutcome } from './executor-options.js';
import type { ProcessTrial } from './process-trial.js';

/** A device that gets its own process: a GPU, or a backend run in processes on purpose. */
export interface ProcessSlot {
  /** The backend this slot's trials use, e.g. 'tfjs-node-gpu'. */
  readonly backend: BackendName;
  /** Added to this process's environment for the child, e.g. { CUDA_VISIBLE_DEVICES: '0' }. */
  readonly env: Readonly<Record<string, string>>;
  /** Which device, in words ('GPU 0'); '' where the backend says it all. */
  readonly label: string;
}

export interface ChildSlotOptions {
  readonly hostFile: string;
  readonly execArgv: readonly string[];
  readonly cancelGraceMs: number;
  /** Called when the slot can take another trial. */
  readonly onIdle: () => void;
}

// Lines of the child's stderr kept for crash reasons ("JavaScript heap out of memory", a native abort).
const STDERR_LINES_KEPT = 20;
const STDERR_LINES_IN_REASON = 3;
// After close()'s SIGTERM, how long a child may take before SIGKILL.
const KILL_AFTER_MS = 2_000;

export class ChildSlot {
  #child: ChildProcess | undefined;
  #ready = false;
  #trial: ProcessTrial | undefined;
  #sent = false;
  #graceTimer: NodeJS.Timeout | undefined;
  #closing = false;
  #stderrTail: string[] = [];
  #partialLine = '';

  constructor(
    readonly slot: ProcessSlot,
    private readonly options: ChildSlotOptions,
  ) {}

  get busy(): boolean {
    return this.#trial !== undefined;
  }

  /** Runs `trial` in this slot's child, starting the child first if there is none. */
  run(trial: ProcessTrial): void {
    this.#trial = trial;
    this.#sent = false;
    if (!this.#child) this.#spawn();
    else if (this.#ready) this.#sendRun();
  }

  /** Ends the child (SIGTERM, then SIGKILL); a running trial ends cancelled. */
  async stop(): Promise<void> {
    this.#closing = true;
    const child = this.#child;
    if (!child) return;
    const closed = once(child, 'close');
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
    await closed;
    clearTimeout(killer);
  }

  #spawn(): void {
    this.#ready = false;
    this.#stderrTail = [];
    this.#partialLine = '';
    const child = fork(this.options.hostFile, [], {
      env: { ...process.env, ...this.slot.env },
      execArgv: [...this.options.execArgv],
      // Structured clone, as between threads: NaN and Infinity survive, which JSON would turn into null.
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
      // Its own process group: a terminal's Ctrl-C goes to the foreground group, and must reach
      // only the orchestrator, which decides (finish, or cancel) — not kill trials mid-epoch.
      // The child still ends with us: it exits when the IPC channel disconnects.
      detached: true,
    });
    this.#child = child;
    child.on('message', (message: HostMessage) => this.#onMessage(message));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => this.#onStderr(chunk));
    child.on('close', (code, signal) => this.#onClose(child, code, signal));
    // A failed spawn emits 'error' and then 'close'; a failed send is followed by 'close' as well.
    child.on('error', (error) => this.#keepStderr(`${error.name}: ${error.message}`));
  }

  #onMessage(message: HostMessage): void {
    switch (message.type) {
      case 'ready':
        this.#ready = true;
        if (this.#trial && !this.#sent) this.#sendRun();
        return;
      case 'outcome':
        this.#end(message.outcome);
        return;
      default:
        this.#trial?.receive(message);
    }
  }

  #sendRun(): void {
    const trial = this.#trial;
    if (!trial) return;
    // Cancelled while its child was starting: nothing ran, nothing to stop.
    if (trial.settled) return this.#end(undefined);
    this.#sent = true;
    this.#send({ type: 'run', task: trial.task, device: this.slot.backend });
    trial.attach((control) => {
      this.#send(control);
      if (control.type === 'cancel') {
        const child = this.#child;
        this.#graceTimer = setTimeout(() => child?.kill('SIGKILL'), this.options.cancelGraceMs);
      }
    });
  }

  #send(request: HostRequest): void {
    // An error here means the child is going away; its 'close' ends the trial.
    this.#child?.send(request, (error) => error && this.#keepStderr(`send failed: ${error.message}`));
  }

  #onStderr(chunk: string): void {
    const lines = (this.#partialLine + chunk).split('\n');
    this.#partialLine = lines.pop() ?? '';
    for (const line of lines) {
      if (line.trim() === '') continue;
      this.#keepStderr(line);
      this.#trial?.receive({ type: 'log', line: `stderr: ${line}` });
    }
  }

  #keepStderr(line: string): void {
    this.#stderrTail.push(line);
    if (this.#stderrTail.length > STDERR_LINES_KEPT) this.#stderrTail.shift();
  }

  #onClose(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.#child !== child) return;
    this.#child = undefined;
    this.#ready = false;
    if (this.#partialLine.trim() !== '') this.#keepStderr(this.#partialLine);
    const trial = this.#trial;
    if (!trial) return;
    if (trial.cancelReason !== undefined || this.#closing) {
      this.#end(cancelledOutcome(trial.cancelReason ?? 'the executor was closed'));
      return;
    }
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    const stderr = this.#stderrTail.slice(-STDERR_LINES_IN_REASON);
    const where = this.slot.label ? ` (${this.slot.label})` : '';
    this.#end({
      status: 'failed',
      kind: 'crashed',
      reason: `trial process ${child.pid ?? '(not started)'}${where} ${how}${this.#sent ? ' mid-trial' : ' before the trial started'}${stderr.length > 0 ? `; stderr: ${stderr.join(' | ')}` : ''}`,
    });
  }

  /** Frees the slot, ending its trial with `outcome` (undefined: the trial has already ended). */
  #end(outcome: TrialOutcome | undefined): void {
    clearTimeout(this.#graceTimer);
    const trial = this.#trial;
    this.#trial = undefined;
    this.#sent = false;
    if (trial && outcome) trial.finish(outcome);
    if (!this.#closing) this.options.onIdle();
  }
}
