/** A failed API request, with the server's `{ error: { code, message, hint } }` when it sent one. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }

  get unauthorized(): boolean {
    return this.status === 401;
  }

  get unreachable(): boolean {
    return this.status === 0;
  }
}

interface ErrorBody {
  readonly error?: { readonly code?: unknown; readonly message?: unknown; readonly hint?: unknown };
}

/** Builds the error of a non-2xx response from its JSON body (or its status line when it has none). */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // Not JSON (a proxy's error page): the status line says enough.
  }
  const error = body.error ?? {};
  const code = typeof error.code === 'string' ? error.code : `http_${response.status}`;
  const message = typeof error.message === 'string' ? error.message : `${response.status} ${response.statusText}`.trim();
  return new ApiError(response.status, code, message, typeof error.hint === 'string' ? error.hint : undefined);
}
