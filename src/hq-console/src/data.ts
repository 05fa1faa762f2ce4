/**
 * Reading and writing through TanStack Query: the key is the procedure and its input; the server
 * answers in the UI's language, so the language is part of the key and a switch refetches.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HqInput, HqOutputs, HqProcedure } from '../../shared/hq-console/contract';
import { call } from './api';
import { useI18n } from './i18n';

export function useConsole<P extends HqProcedure>(name: P, input: HqInput<P>, opts: { enabled?: boolean; refetchInterval?: number } = {}) {
  const { locale } = useI18n();
  return useQuery({ queryKey: [name, input, locale], queryFn: () => call(name, input, locale), ...opts });
}

/** A write; on success every read of the listed procedures is fetched again. */
export function useConsoleMutation<P extends HqProcedure>(name: P, invalidates: HqProcedure[] = []) {
  const { locale } = useI18n();
  const client = useQueryClient();
  return useMutation<HqOutputs[P], Error, HqInput<P>>({
    mutationFn: (input) => call(name, input, locale),
    onSuccess: () => Promise.all(invalidates.map((p) => client.invalidateQueries({ queryKey: [p] }))),
  });
}
