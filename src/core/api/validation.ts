import type { z } from 'zod';
import { AppError } from '../../shared/api/errors';
import { hasKey } from '../../shared/i18n/translate';
import type { Params } from '../../shared/i18n/types';

/** Turns zod issues into field errors whose messages are catalog keys, translated later. */
export function zodToAppError(error: z.ZodError): AppError {
  const fields = error.issues.map((issue) => {
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
  return new AppError('VALIDATION', { fields });
}
