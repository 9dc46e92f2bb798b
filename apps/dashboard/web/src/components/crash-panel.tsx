/** What a page shows if it broke (a bug): the message, and a way on that needs no keyboard tricks. */
export function CrashPanel({ error }: { error: Error }) {
  return (
    <main id="main">
      <section className="error-panel" role="alert">
        <h2>This page stopped working</h2>
        <p>{error.message}</p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </section>
    </main>
  );
}
