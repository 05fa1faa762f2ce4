/**
 * The editors' checks in the catalog's words: a draft against the kind's own zod schema before
 * anything is sent, and a refusal of head office put back on the fields it names (VALIDATION's
 * fields with their parameters, CONFLICT's one field). Paths are the draft's own (`exchangeDays`,
 * `years.0.holidays.1`): the server's prefix (`policy.`) is taken off.
 */
import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import type { z } from 'zod';
import { fieldIssues } from '../../../shared/api/field-issues';
import type { Params } from '../../../shared/i18n/types';
import { ConsoleError } from '../api';
import { useI18n, type TFunction } from '../i18n';

export type Errors = Record<string, string>;

export function draftErrors(schema: z.ZodType, value: unknown, t: TFunction, extra: Record<string, string> = {}): Errors {
  const out: Errors = {};
  const r = schema.safeParse(value);
  if (!r.success) for (const i of fieldIssues(r.error)) out[i.path === '(input)' ? '' : i.path] ??= t(i.key, i.params);
  for (const [k, key] of Object.entries(extra)) out[k] ??= t(key);
  return out;
}

/** A refusal's fields under `prefix`, translated; null when it names none. */
export function refusalErrors(err: unknown, prefix: string, t: TFunction): Errors | null {
  if (!(err instanceof ConsoleError)) return null;
  const strip = (k: string) => (k.startsWith(`${prefix}.`) ? k.slice(prefix.length + 1) : k === prefix ? '' : k);
  const fields = err.details.fields as Record<string, string> | undefined;
  const params = (err.details.params ?? {}) as Record<string, Params>;
  if (fields) return Object.fromEntries(Object.entries(fields).map(([k, key]) => [strip(k), t(key, params[k])]));
  if (typeof err.details.field === 'string') return { [strip(err.details.field)]: err.message };
  return null;
}

/** The editor's errors: checked before sending, replaced by the server's when it refuses. */
export function useErrors(prefix: string) {
  const { t } = useI18n();
  const [errors, setErrors] = useState<Errors>({});
  const refused = (e: unknown) => {
    const fields = refusalErrors(e, prefix, t);
    if (fields) setErrors(fields);
    notifications.show({ color: 'red', message: fields ? t('ui.hq.pub.fix') : e instanceof Error ? e.message : String(e) });
  };
  return { errors, setErrors, refused };
}

/** A toast saying what was published and when the shops get it. */
export function publishedToast(t: TFunction) {
  notifications.show({ color: 'teal', message: t('ui.hq.pub.published') });
}
