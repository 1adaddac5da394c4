'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * A submit button that asks once more before a destructive action: the first press turns it into
 * "Confirm …" and a Cancel button; Escape or Cancel backs out.
 */
export function ConfirmButton({ label, confirmLabel, pending }: { label: string; confirmLabel: string; pending?: boolean }) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button type="button" className="btn btn-small btn-danger" onClick={() => setAsking(true)} disabled={pending}>
        {label}
      </button>
    );
  return (
    <span className="actions" onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
      <button ref={confirmRef} type="submit" className="btn btn-small btn-danger" disabled={pending}>
        {pending ? 'Working…' : confirmLabel}
      </button>
      <button type="button" className="btn btn-small" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
