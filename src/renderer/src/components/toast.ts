import type { NotificationData } from '@mantine/notifications';
import { chunks } from '../app/chunks';

/**
 * Shows a toast. @mantine/notifications (its container and transitions, ~10 kB gzip) is a chunk
 * of its own that the sign-in screen does not wait for: a toast asked for before it has arrived
 * is kept by its store and shown as soon as the container mounts (components/Toasts.tsx).
 */
export function showToast(n: NotificationData): void {
  chunks.toasts().then(
    (m) => m.notifications.show(n),
    (e: unknown) => console.error('[fixpoint] toast not shown:', n.message, e),
  );
}
