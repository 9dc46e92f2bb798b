/** A `--devices` value that cannot be used; the message names the entry and a form that works. */
export class DevicesError extends Error {
  readonly code = 'DEVICES';

  constructor(message: string) {
    super(`--devices: ${message}`);
    this.name = 'DevicesError';
  }
}
