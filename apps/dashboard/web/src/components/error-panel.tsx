import type { ApiError } from '../api/api-error';

/** An API error as the user should read it: what happened, and what to do about it. */
export function ErrorPanel({ error, what }: { error: ApiError; what: string }) {
  if (error.unauthorized) {
    return (
      <section className="error-panel" role="alert" data-testid="unauthorized">
        <h2>This dashboard needs its access token</h2>
        <p>
          The server is bound to a network address, so every request must carry the token that <code>sweep dashboard</code> printed when it started. Open the
          full link it printed (it ends in <code>?token=…</code>), or start it again with <code>--token</code>.
        </p>
        <p className="muted">Server said: {error.message}</p>
      </section>
    );
  }
  const title = error.unreachable ? 'The dashboard server cannot be reached' : error.status === 404 ? `No such ${what}` : `Could not load the ${what}`;
  return (
    <section className="error-panel" role="alert" data-testid="api-error">
      <h2>{title}</h2>
      <p>{error.message}</p>
      {error.hint && <p>{error.hint}</p>}
    </section>
  );
}
