/** "Download report": the file `sweep report` writes (GET …/report), as a plain link so the browser saves it. */
import { apiUrl } from '../../api/client';
import { currentToken } from '../../api/token';

export function ReportLink({ sweep }: { sweep: string }) {
  // A link cannot send a header: the token, if any, goes in the query as for the event streams.
  const token = currentToken();
  return (
    <a className="button-link" href={apiUrl(`/sweeps/${encodeURIComponent(sweep)}/report`, token ? { token } : {})} download data-testid="download-report">
      Download report
    </a>
  );
}
