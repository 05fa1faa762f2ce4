import { systemProcedures } from '../system/procedures';

/** The whole API: every capability's procedures, declared once. */
export const procedures = {
  ...systemProcedures,
};

export type Procedures = typeof procedures;
export type ProcedureName = keyof Procedures;
