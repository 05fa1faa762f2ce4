import type { z } from 'zod';
import { hasKey } from '../i18n/translate';
import type { Params } from '../i18n/types';

export interface FieldIssue {
  /** The field's path in the input, dotted (`tenders.0.amountFen`), `(input)` for the whole. */
  path: string;
  /** A catalog key: the schema's own message when it is one, else what zod's issue code says. */
  key: string;
  params: Params;
}

/**
 * A schema's issues as catalog keys: the one reading of a field's rule, used by core for the
 * server's validation errors and by the renderer's forms before anything is sent.
 */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(input)';
    const custom = typeof issue.message === 'string' && hasKey(issue.message) ? issue.message : null;
    const params: Params = {};
    if ('minimum' in issue && issue.minimum !== undefined) params.minimum = String(issue.minimum);
    if ('maximum' in issue && issue.maximum !== undefined) params.maximum = String(issue.maximum);
    if ('keys' in issue && Array.isArray(issue.keys)) params.keys = issue.keys.join(', ');
    let key = custom ?? `validation.${issue.code}`;
    if (!custom && issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) key = 'validation.required';
    // "at least 1 character" is how zod says a required text was left empty
    if (!custom && issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) key = 'validation.required';
    if (!hasKey(key)) key = 'validation.custom';
    return { path, key, params };
  });
}
