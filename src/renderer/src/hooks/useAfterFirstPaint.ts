import { startTransition, useEffect, useState } from 'react';

/** False for the first frame of a screen, true from the next one on (after the browser has painted it). */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // a frame, then a task: the task runs once that frame is painted
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => startTransition(() => setPainted(true)))));
    return () => (cancelAnimationFrame(frame), clearTimeout(timer));
  }, []);
  return painted;
}
