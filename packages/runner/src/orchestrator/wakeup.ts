/**
 * Wakes the orchestrator's loop when a trial ends or the control changes, or after `ms`.
 * Why not Promise.race over every running trial: that allocates per turn and handles one ending
 * per turn; here every ending that arrived meanwhile is handled in the same turn and transaction.
 */
export class Wakeup {
  #resolve: (() => void) | undefined;

  wake(): void {
    this.#resolve?.();
    this.#resolve = undefined;
  }

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake(), ms);
      this.#resolve = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
