/**
 * How a caller (the CLI's Ctrl-C handler) steers a running sweep: first stop asking for new
 * trials and let the running ones finish; then, if asked again, abort the running ones too.
 */
export class SweepControl {
  #stopAsking = false;
  #abortRunning = false;
  readonly #listeners = new Set<() => void>();

  get stoppingAsking(): boolean {
    return this.#stopAsking;
  }

  get abortingRunning(): boolean {
    return this.#abortRunning;
  }

  stopAsking(): void {
    this.#stopAsking = true;
    this.#notify();
  }

  abortRunning(): void {
    this.#stopAsking = true;
    this.#abortRunning = true;
    this.#notify();
  }

  /** Calls `listener` after every stopAsking/abortRunning; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}
