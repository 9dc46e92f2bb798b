import type { StreamState } from '../api/stream';

/**
 * Says when live updates stopped: the server is gone (the browser keeps retrying and the banner
 * stays until it is back) or it refused the stream. Silent while connected.
 */
export function ConnectionBanner({ state }: { state: StreamState | 'off' }) {
  if (state === 'reconnecting') {
    return (
      <div className="banner warn" role="status" data-testid="reconnecting">
        Connection to the dashboard server lost — reconnecting… The page shows what it had; it updates again once the server is back.
      </div>
    );
  }
  if (state === 'refused') {
    return (
      <div className="banner error" role="alert">
        The server refused live updates; reload the page to try again.
      </div>
    );
  }
  return null;
}
