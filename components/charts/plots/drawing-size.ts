'use client';

import { useContext, useEffect, useState } from 'react';
import { PlotSizeContext } from '../plot';

/**
 * The size a plot drawn in plain SVG (without Recharts) draws at: an export's stage gives pixels; on screen the
 * width is its frame's, measured and followed as the window resizes, and the height `screenHeight`. The width is 0
 * until the frame is measured, and a plot draws nothing until then.
 */
export function useDrawingSize(screenHeight: number): {
  ref: (frame: HTMLDivElement | null) => void;
  width: number;
  height: number;
} {
  const size = useContext(PlotSizeContext);
  const fixed = typeof size.width === 'number' ? size.width : null;
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  const [measured, setMeasured] = useState(0);
  useEffect(() => {
    if (fixed !== null || !frame) return;
    // An observer reports the size it finds when it starts observing, then every change.
    const observer = new ResizeObserver(() => setMeasured(frame.clientWidth));
    observer.observe(frame);
    return () => observer.disconnect();
  }, [fixed, frame]);
  return fixed !== null
    ? { ref: setFrame, width: fixed, height: size.height }
    : { ref: setFrame, width: measured, height: screenHeight };
}
