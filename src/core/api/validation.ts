import type { z } from 'zod';
import { AppError } from '../../shared/api/errors';
import { fieldIssues } from '../../shared/api/field-issues';

/** Turns zod issues into field errors whose messages are catalog keys, translated later. */
export function zodToAppError(error: z.ZodError): AppError {
  return new AppError('VALIDATION', { fields: fieldIssues(error) });
}
