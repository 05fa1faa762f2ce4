import { systemProcedures } from '../system/procedures';
import { warrantyProcedures } from '../warranty/procedures';
import { printingProcedures } from '../printing/procedures';

/** The whole API: every capability's procedures, declared once. */
export const procedures = {
  ...systemProcedures,
  ...warrantyProcedures,
  ...printingProcedures,
};

export type Procedures = typeof procedures;
export type ProcedureName = keyof Procedures;
