import type { AppEvent } from '../../shared/api/events';

/**
 * Events of one write, held until its transaction committed: a rolled-back write announces
 * nothing, and a listener never reads a change that is not in the database yet.
 */
export interface EventQueue {
  emit(event: AppEvent): void;
  /** After commit: hands every held event to `send`, in order. */
  flush(send: (event: AppEvent) => void): void;
  /** After a rollback: forgets them. */
  drop(): void;
}

export function eventQueue(): EventQueue {
  let held: AppEvent[] = [];
  return {
    emit(event) {
      held.push(event);
    },
    flush(send) {
      const out = held;
      held = [];
      for (const e of out) send(e);
    },
    drop() {
      held = [];
    },
  };
}

/** Runs `write` with a queued emit; the events go out only when it resolved (its transaction committed). */
export async function emitAfter<T>(send: (event: AppEvent) => void, write: (emit: (event: AppEvent) => void) => Promise<T>): Promise<T> {
  const q = eventQueue();
  try {
    const out = await write((e) => q.emit(e));
    q.flush(send);
    return out;
  } catch (e) {
    q.drop();
    throw e;
  }
}

/** The synchronous twin for better-sqlite3 transactions. */
export function emitAfterSync<T>(send: (event: AppEvent) => void, write: (emit: (event: AppEvent) => void) => T): T {
  const q = eventQueue();
  try {
    const out = write((e) => q.emit(e));
    q.flush(send);
    return out;
  } catch (e) {
    q.drop();
    throw e;
  }
}
