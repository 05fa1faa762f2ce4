import { useForm, type FormErrors } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { z } from 'zod';
import { fieldIssues } from '../../../shared/api/field-issues';
import { fieldErrorsOf } from '../components/errors';
import { useErrorToast } from '../hooks/useErrorToast';
import { useI18n } from '../i18n/I18nProvider';

interface ContractFormOptions<V extends Record<string, unknown>, I> {
  initialValues: V;
  /** The contract's input schema of the call the form makes: its rules are the form's. */
  schema: z.ZodType;
  /** The call's input from what is typed (yuan to fen, a text of serials to a list …). */
  toInput(values: V): I;
  /** The form field where an error at this input path shows (default: the same path). */
  fieldOf?(path: string): string;
  /** What the schema cannot see, checked on the typed text (an amount that is no money): field → message. */
  typed?(values: V): Record<string, string>;
  /** Whether the form shows an error at this field (default: a field of the form, or an item's field of a list it holds). */
  shows?(field: string): boolean;
}

/**
 * A form whose rules are the contract's zod schema (written once, in src/shared): checked as
 * the server will check it, in the same words, before anything is sent; and when the server
 * refuses a field (a rule only it can check), its error lands on the same field. An error at a
 * path the form does not show is told in a toast, so no refusal goes unseen.
 */
export function useContractForm<V extends Record<string, unknown>, I>({ initialValues, schema, toInput, fieldOf = (p) => p, typed, shows = (f) => f.split('.')[0]! in initialValues }: ContractFormOptions<V, I>) {
  const { t } = useI18n();
  const { toast } = useErrorToast();
  const onFields = (errors: Record<string, string>): FormErrors => {
    const out: FormErrors = {};
    const unseen: string[] = [];
    for (const [path, message] of Object.entries(errors)) {
      const field = fieldOf(path);
      if (shows(field)) out[field] ??= message;
      else unseen.push(message);
    }
    if (unseen.length) notifications.show({ color: 'red', title: t('ui.error.title'), message: unseen.join(' · '), autoClose: 6000 });
    return out;
  };
  const form = useForm<V, I>({
    mode: 'controlled',
    initialValues,
    transformValues: toInput,
    validate: (values) => {
      const own = typed?.(values) ?? {};
      const parsed = schema.safeParse(toInput(values));
      const issues = parsed.success ? [] : fieldIssues(parsed.error).reverse();
      return { ...onFields(Object.fromEntries(issues.map((i) => [i.path, t(i.key, i.params)]))), ...own };
    },
  });
  /** A refusal from the server shown at its fields; false when it named none (the caller tells it otherwise). */
  const refused = (err: unknown): boolean => {
    const fields = fieldErrorsOf(err);
    form.setErrors(onFields(fields));
    return Object.keys(fields).length > 0;
  };
  /** Checks the form, then runs the call with its input; a refusal lands on the fields, anything else in a toast. */
  const send = async (run: (input: I) => Promise<void>) => {
    if (form.validate().hasErrors) return;
    form.setSubmitting(true);
    try {
      await run(form.getTransformedValues());
    } catch (err) {
      if (!refused(err)) toast(err);
    } finally {
      form.setSubmitting(false);
    }
  };
  /** `send` as a form's submit handler. */
  const submit = (run: (input: I) => Promise<void>) => (e?: { preventDefault(): void }) => {
    e?.preventDefault();
    void send(run);
  };
  return { form, submit, send, refused };
}
