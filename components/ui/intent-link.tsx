'use client';

import Link from 'next/link';
import { useState, type ComponentProps } from 'react';

/**
 * A link that prefetches its page once the pointer or the keyboard's focus reaches it, not as soon as it is on
 * screen. The sidebar and the dashboard's layer links put some twenty links in view on every page; prefetched on
 * sight, each asked the server to render its page while the dashboard was still streaming its own answers, and at
 * 10,000 companies those renders shared the server with the dashboard's first paint (bench/README.md). A click
 * still navigates without a full reload, and a hover or focus usually starts the prefetch before the click.
 */
export function IntentLink({ onMouseEnter, onFocus, onTouchStart, ...props }: ComponentProps<typeof Link>) {
  const [intent, setIntent] = useState(false);
  return (
    <Link
      {...props}
      prefetch={intent ? null : false}
      onMouseEnter={(event) => {
        setIntent(true);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        setIntent(true);
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        setIntent(true);
        onTouchStart?.(event);
      }}
    />
  );
}
