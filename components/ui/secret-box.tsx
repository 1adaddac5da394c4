'use client';

import { useState } from 'react';

/** A secret shown once (a token, a password), with a copy button. */
export function SecretBox({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="secret">
      <code aria-label={label} data-testid="secret">
        {value}
      </code>
      <button
        type="button"
        className="btn btn-small"
        onClick={async () => {
          await navigator.clipboard?.writeText(value).catch(() => undefined);
          setCopied(true);
        }}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}
