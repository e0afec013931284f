import { useEffect, useState } from 'react';

type Size = { width: number; height: number } | null;

/**
 * A requested stream size that follows the tile once it stops changing: the first size is taken
 * at once (the tile must start playing), later ones after `delayMs` of quiet, so dragging the
 * window edge asks the site once, at the end.
 */
export function useSettledSize(size: Size, delayMs = 400): Size {
  const [settled, setSettled] = useState<Size>(size);
  const key = size ? `${size.width}x${size.height}` : '';
  const settledKey = settled ? `${settled.width}x${settled.height}` : '';
  useEffect(() => {
    if (key === settledKey) return;
    if (!settledKey) {
      setSettled(size);
      return;
    }
    const timer = setTimeout(() => setSettled(size), delayMs);
    return () => clearTimeout(timer);
    // Keyed by the sizes' text: a new object of the same size is no change.
  }, [key, settledKey, delayMs]);
  return settled;
}
