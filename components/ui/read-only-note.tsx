/** The note a viewer sees where others can edit: what they can do here, and who can change it. */
export function ReadOnlyNote({ children }: { children: React.ReactNode }) {
  return (
    <p className="read-only-note" role="note">
      <strong>Read only.</strong> {children}
    </p>
  );
}
