import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { InputOf, OutputOf } from '../../../shared/api/contract';
import type { ProcedureName, Procedures } from '../../../shared/api/procedures';
import { api } from '../api/client';
import { keyMatches, mutationInvalidates } from './invalidation';

type In<N extends ProcedureName> = InputOf<Procedures[N]>;
type Out<N extends ProcedureName> = OutputOf<Procedures[N]>;

/** The query key of a procedure call: the procedure and its input, nothing else. */
export const callKey = <N extends ProcedureName>(name: N, input: In<N>) => [name, input ?? {}] as const;

export interface CallOptions<N extends ProcedureName> {
  /** Off while the input is not complete yet (no ticket picked, a search too short). */
  enabled?: boolean;
  /** Keeps showing the last answer while the next input loads (search results, paged tables). */
  keepPrevious?: boolean;
  /** Errors are shown by the caller, not by the app's toast. */
  silent?: boolean;
  /** Field errors are shown at the caller's fields; any other error still gets the app's toast. */
  fieldErrors?: boolean;
  /** Asked again this often (ms); a function decides from the last answer (undefined: not again). */
  refetchInterval?: number | ((data: Out<N> | undefined) => number | undefined);
  select?: UseQueryOptions<Out<N>, Error, Out<N>>['select'];
}

/**
 * A procedure read as a query: cached by [procedure, input], refetched when an event or a write
 * makes it stale, and a superseded call is cancelled (HTTP) or its late answer ignored (IPC),
 * so an old answer never overwrites a fresh one.
 */
export function useCall<N extends ProcedureName>(name: N, input: In<N>, opts: CallOptions<N> = {}) {
  return useQuery<Out<N>, Error>({
    queryKey: callKey(name, input),
    queryFn: ({ signal }) => api.call(name, input, { signal }),
    enabled: opts.enabled ?? true,
    placeholderData: opts.keepPrevious ? keepPreviousData : undefined,
    meta: opts.silent ? { silent: true } : opts.fieldErrors ? { fieldErrors: true } : undefined,
    refetchInterval: typeof opts.refetchInterval === 'function' ? (q) => (opts.refetchInterval as (d: Out<N> | undefined) => number | undefined)(q.state.data) ?? false : opts.refetchInterval,
    select: opts.select,
  });
}

/** A procedure write: on success every query it affects (invalidation.ts) is refetched. */
export function useCallMutation<N extends ProcedureName>(name: N, opts: { onSuccess?(data: Out<N>, input: In<N>): void } = {}) {
  const client = useQueryClient();
  return useMutation<Out<N>, Error, In<N>>({
    mutationFn: (input) => api.call(name, input),
    onSuccess: async (data, input) => {
      const prefixes = mutationInvalidates(name);
      opts.onSuccess?.(data, input);
      await client.invalidateQueries({ predicate: (q) => keyMatches(prefixes, q.queryKey) });
    },
  });
}

/**
 * A read started by a person (a scan, a "find" button) rather than by showing a screen: fetched
 * into the cache under the same key `useCall` reads, so the screen that shows it then stays fresh.
 * Its error goes back to the caller, which says it where the person acted (no second app toast).
 */
export function useFetchCall() {
  const client = useQueryClient();
  // The caller has the promise and says what went wrong itself: the app's toast would say it twice.
  return <N extends ProcedureName>(name: N, input: In<N>) =>
    client.fetchQuery<Out<N>, Error>({ queryKey: callKey(name, input), queryFn: ({ signal }) => api.call(name, input, { signal }), meta: { silent: true } });
}

/**
 * Asks, before its screen is opened, what a screen will show first: a call, or the first page of
 * a paged list (`pages`), into the cache under the key `useCall`/`useCallPages` read, so the
 * screen draws its rows in its first frame (and refreshes them as usual). Silent: the screen
 * says what went wrong when it asks itself.
 */
export function usePrefetchCall() {
  const client = useQueryClient();
  return <N extends ProcedureName>(name: N, input: In<N>, opts: { pages?: boolean } = {}) =>
    opts.pages
      ? client.prefetchInfiniteQuery({ ...pagesQuery(name, input), meta: { silent: true } })
      : client.prefetchQuery({ queryKey: callKey(name, input), queryFn: ({ signal }) => api.call(name, input, { signal }), meta: { silent: true } });
}

/** For imperative writes that are not a hook (a handler that chains several calls). */
export function useInvalidateAfter() {
  const client = useQueryClient();
  return (name: ProcedureName) => client.invalidateQueries({ predicate: (q) => keyMatches(mutationInvalidates(name), q.queryKey) });
}

type Paged = { nextCursor: string | null };
/** Where the next page starts: a cursor string, or an offset for lists paged by count. */
type PageParam = string | number | null;
interface PageOptions<N extends ProcedureName> {
  enabled?: boolean;
  /** The input field that asks for the page after a cursor (default `cursor`). */
  cursorField?: string;
  /** The cursor (or offset) of the page after this one, null at the end (default: the page's `nextCursor`). */
  next?(page: Out<N>, pages: Out<N>[]): PageParam;
}
/** A cursor-paged list as one query: pages load on demand and refetch together when stale. */
export function useCallPages<N extends ProcedureName>(name: N, input: In<N>, opts: PageOptions<N> = {}) {
  return useInfiniteQuery({ ...pagesQuery(name, input, opts), placeholderData: keepPreviousData, enabled: opts.enabled ?? true });
}

/** A paged list's query, one definition for its screen (useCallPages) and the prefetch before it (usePrefetchCall). */
function pagesQuery<N extends ProcedureName>(name: N, input: In<N>, opts: PageOptions<N> = {}) {
  const field = opts.cursorField ?? 'cursor';
  return {
    queryKey: callKey(name, input),
    queryFn: ({ pageParam, signal }: { pageParam: PageParam; signal: AbortSignal }) =>
      api.call(name, { ...(input as object), ...(pageParam !== null ? { [field]: pageParam } : {}) } as In<N>, { signal }),
    initialPageParam: null as PageParam,
    getNextPageParam: (page: Out<N>, pages: Out<N>[]) => (opts.next ? opts.next(page, pages) : (page as unknown as Paged).nextCursor),
  };
}
