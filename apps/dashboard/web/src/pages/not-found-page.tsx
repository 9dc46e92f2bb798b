import { useDocumentTitle } from '../hooks/use-document-title';
import { Link } from '../routing/link';
import { sweepsHref } from '../routing/routes';

export function NotFoundPage({ path }: { path: string }) {
  useDocumentTitle('not found');
  return (
    <main id="main">
      <h1>No page at {path}</h1>
      <p>
        The dashboard has the <Link href={sweepsHref()}>sweeps list</Link>, a page per sweep and a page per trial.
      </p>
    </main>
  );
}
