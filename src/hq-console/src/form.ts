import { useForm } from '@mantine/form';
import type { z } from 'zod';
import { fieldIssues } from '../../shared/api/field-issues';
import { ConsoleError } from './api';
import { useI18n } from './i18n';

/**
 * A Mantine form whose rules are the contract's zod schema, in the catalog's words; a refusal of
 * the server lands on the field it names (VALIDATION's fields, CONFLICT's field), else it is told
 * by the caller's toast.
 */
export function useSchemaForm<V extends Record<string, unknown>>(initialValues: V, schema: z.ZodType) {
  const { t } = useI18n();
  const form = useForm<V>({
    mode: 'controlled',
    initialValues,
    validate: (values) => {
      const parsed = schema.safeParse(values);
      return parsed.success ? {} : Object.fromEntries(fieldIssues(parsed.error).reverse().map((i) => [i.path, t(i.key, i.params)]));
    },
  });
  /** Puts a server refusal on its fields; false when it names none. */
  const refused = (err: unknown): boolean => {
    if (!(err instanceof ConsoleError)) return false;
    const fields = err.details.fields as Record<string, string> | undefined;
    if (fields) form.setErrors(Object.fromEntries(Object.entries(fields).map(([k, key]) => [k, t(key)])));
    else if (typeof err.details.field === 'string') form.setErrors({ [err.details.field]: err.message });
    else return false;
    return true;
  };
  return { form, refused };
}
