/** The one error shape of the API (`{ error: { code, message, hint } }`) and the statuses it maps to. */
import type { ApiErrorBody, ApiErrorCode } from '../api/types.js';

const STATUS: Readonly<Record<ApiErrorCode, number>> = { bad_request: 400, unauthorized: 401, not_found: 404, internal: 500, unavailable: 503 };

/** Thrown by a route for a client's mistake; the error handler turns it into its status and body. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly hint: string | undefined;

  constructor(code: ApiErrorCode, message: string, hint?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.hint = hint;
  }

  get status(): number {
    return STATUS[this.code];
  }

  body(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.hint === undefined ? {} : { hint: this.hint }) } };
  }
}

export function badRequest(message: string, hint?: string): ApiError {
  return new ApiError('bad_request', message, hint);
}

export function notFound(message: string, hint?: string): ApiError {
  return new ApiError('not_found', message, hint);
}
