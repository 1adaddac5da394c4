/**
 * The skeleton shown while a page of this group loads. Admin pages live outside this group on purpose: a
 * loading boundary starts streaming with status 200, and forbidden() must still answer 403 there.
 */
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading">
      <div className="skeleton" style={{ height: 32, width: 320, marginBottom: 16 }} />
      <div className="skeleton" style={{ height: 18, width: 520, marginBottom: 24 }} />
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="skeleton" style={{ height: 52, marginBottom: 6 }} />
      ))}
    </div>
  );
}
