'use client';

/** Any error while rendering a page: no internals, a digest to quote, and a retry. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="status-page">
      <h1>Something went wrong</h1>
      <p className="muted">
        Stacklens could not show this page. Nothing you entered was lost.
        {error.digest && (
          <>
            {' '}
            Reference: <code className="mono">{error.digest}</code>
          </>
        )}
      </p>
      <button type="button" className="btn btn-primary" onClick={reset}>
        Try again
      </button>
    </main>
  );
}
