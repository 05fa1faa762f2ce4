import type { z } from 'zod';
import { HqError } from '../errors';

/** A console input checked against its contract schema: a typed VALIDATION refusal naming the fields. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const i of r.error.issues) fields[i.path.join('.') || '(body)'] ??= i.message;
  const reason = Object.keys(fields).join(', ').slice(0, 200);
  throw new HqError('VALIDATION', 400, `invalid: ${reason}`, { reason, fields });
}
