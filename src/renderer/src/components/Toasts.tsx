import { Suspense, useEffect, useState } from 'react';
import { atIdle, chunks } from '../app/chunks';
import { lazyChunk } from '../app/lazyChunk';

const Container = lazyChunk(chunks.toasts, (m) => m.Notifications);

/**
 * The toasts' container, mounted once the first screen is drawn and the page idle: the sign-in
 * screen does not parse it (components/toast.ts). Bottom-right: toasts must never cover the
 * header (user, sign out) at a busy counter.
 */
export function Toasts() {
  const [mounted, setMounted] = useState(false);
  useEffect(() => void atIdle(() => setMounted(true)), []);
  return mounted ? (
    <Suspense fallback={null}>
      <Container position="bottom-right" limit={4} />
    </Suspense>
  ) : null;
}
