import { lazy, useState, type ComponentType } from 'react';

/** A chunk's `import()`, asked once, that also says what it gave once it has arrived. */
export type Chunk<M> = (() => Promise<M>) & { loaded(): M | undefined };

export function chunk<M>(load: () => Promise<M>): Chunk<M> {
  const state: { asked?: Promise<M>; module?: M } = {};
  const get = () =>
    (state.asked ??= load().then(
      (m) => (state.module = m),
      (e: unknown) => {
        state.asked = undefined; // offline or a stale build: the next opening asks again
        throw e;
      },
    ));
  return Object.assign(get, { loaded: () => state.module });
}

/**
 * React.lazy, without the wait once the chunk is in. A lazy component suspends at its first
 * render even when its chunk was prefetched long before (its promise settles a microtask later),
 * and React holds back the content of a Suspense boundary that has just shown its fallback for
 * 300 ms (its FALLBACK_THROTTLE_MS): sign-in → counter and the first switch to a section waited
 * those 300 ms on top of their own work. A chunk already loaded is rendered at once instead.
 */
export function lazyChunk<M, P extends object>(load: Chunk<M>, pick: (m: M) => ComponentType<P>): ComponentType<P> {
  const Lazy = lazy(() => load().then((m) => ({ default: pick(m) })));
  return function FromChunk(props: P) {
    // Chosen once per mount: swapping the lazy one for the loaded one later would remount what it shows.
    const [Shown] = useState<ComponentType<P>>(() => {
      const m = load.loaded();
      return m ? pick(m) : Lazy;
    });
    return <Shown {...props} />;
  };
}
