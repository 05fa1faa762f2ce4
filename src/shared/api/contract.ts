import type { z } from 'zod';
import type { Role } from './roles';

/**
 * `public` procedures run without a session (ping, setup, login). Everything else
 * names the roles allowed; core checks them before the handler runs.
 */
export type Access = 'public' | readonly Role[];

export interface ProcedureDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly summary: string;
  readonly input: I;
  readonly output: O;
  readonly access: Access;
  /** Writes run in one transaction; reads do not take the write lock. */
  readonly kind: 'query' | 'mutation';
}

export function procedure<I extends z.ZodType, O extends z.ZodType>(def: ProcedureDef<I, O>): ProcedureDef<I, O> {
  return def;
}

export type ProcedureMap = Record<string, ProcedureDef>;
export type InputOf<P extends ProcedureDef> = z.input<P['input']>;
export type ParsedInputOf<P extends ProcedureDef> = z.output<P['input']>;
export type OutputOf<P extends ProcedureDef> = z.output<P['output']>;
