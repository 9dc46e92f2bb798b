/**
 * How a caller (the CLI's Ctrl-C handler) steers a running sweep: first stop asking for new
 * trials and let the running ones finish; then, if asked again, abort the running ones too.
 */
export class SweepControl {
  #stopAsking = false;
  #abortRunning = false;
  #wake: (() => void) | undefined;

  get stoppingAsking(): boolean {
    return this.#stopAsking;
  }

  get abortingRunning(): boolean {
    return this.#abortRunning;
  }

  stopAsking(): void {
    this.#stopAsking = true;
    this.#wake?.();
  }

  abortRunning(): void {
    this.#stopAsking = true;
    this.#abortRunning = true;
    this.#wake?.();
  }

  /** Resolves at the next stopAsking/abortRunning call (used to wake the orchestrator's loop). */
  changed(): Promise<void> {
    return new Promise((resolve) => {
      this.#wake = resolve;
    });
  }
}
