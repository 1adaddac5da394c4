import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="status-page">
      <h1>404 — Not found</h1>
      <p className="muted">There is no page at this address.</p>
      <Link className="btn" href="/">
        Back to the dashboard
      </Link>
    </main>
  );
}
