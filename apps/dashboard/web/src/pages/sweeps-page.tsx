/** Every sweep in the database, live: state, trials by state, best value, when it ran. */
import { ConnectionBanner } from '../components/connection-banner';
import { ErrorPanel } from '../components/error-panel';
import { Loading } from '../components/loading';
import { StateCounts } from '../components/state-counts';
import { useDocumentTitle } from '../hooks/use-document-title';
import { useSweepsLive } from '../hooks/use-sweeps-live';
import { formatNumber, formatTime } from '../model/format';
import { Link } from '../routing/link';
import { sweepHref, trialHref } from '../routing/routes';

export function SweepsPage() {
  useDocumentTitle('sweeps');
  const { sweeps, error, connection } = useSweepsLive();
  return (
    <>
      <ConnectionBanner state={connection} />
      <main id="main">
        <h1>Sweeps</h1>
        {error && !sweeps && <ErrorPanel error={error} what="sweeps" />}
        {!error && !sweeps && <Loading what="sweeps" />}
        {sweeps && sweeps.length === 0 && (
          <p className="muted">
            No sweeps in this database yet. Start one with <code>sweep run my-sweep.yaml</code>; it appears here as soon as it starts.
          </p>
        )}
        {sweeps && sweeps.length > 0 && (
          <div className="scroll-x">
            <table className="plain" data-testid="sweeps-table">
              <thead>
                <tr>
                  <th scope="col">name</th>
                  <th scope="col">objective</th>
                  <th scope="col">state</th>
                  <th scope="col">trials</th>
                  <th scope="col" className="numeric">
                    best
                  </th>
                  <th scope="col">started</th>
                  <th scope="col">finished</th>
                </tr>
              </thead>
              <tbody>
                {sweeps.map((s) => (
                  <tr key={s.name}>
                    <th scope="row">
                      <Link href={sweepHref(s.name)}>{s.name}</Link>
                    </th>
                    <td>{s.objective}</td>
                    <td>{s.status}</td>
                    <td>
                      {s.total} · <StateCounts counts={s.counts} />
                    </td>
                    <td className="numeric">
                      {s.best ? (
                        <>
                          {s.metric} {formatNumber(s.best.value)} <Link href={trialHref(s.name, s.best.number)}>#{s.best.number}</Link>
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>{formatTime(s.startedAt ?? s.createdAt)}</td>
                    <td>{formatTime(s.finishedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </main>
    </>
  );
}
