import { systemProcedures } from '../system/procedures';
import { syncProcedures } from '../sync/procedures';
import { customerProcedures } from '../customers/procedures';
import { deviceProcedures } from '../devices/procedures';
import { ticketProcedures } from '../tickets/procedures';
import { searchProcedures } from '../search/procedures';
import { warrantyProcedures } from '../warranty/procedures';
import { printingProcedures } from '../printing/procedures';
import { stockProcedures } from '../stock/procedures';
import { reportProcedures } from '../reports/procedures';
import { benchProcedures } from '../bench/procedures';
import { collectionProcedures } from '../collection/procedures';
import { backupProcedures } from '../backup/procedures';
import { statusProcedures } from '../status/procedures';
import { messagingProcedures } from '../messaging/procedures';
import { recallProcedures } from '../recalls/procedures';

/** The whole API: every capability's procedures, declared once. */
export const procedures = {
  ...systemProcedures,
  ...syncProcedures,
  ...customerProcedures,
  ...deviceProcedures,
  ...ticketProcedures,
  ...searchProcedures,
  ...warrantyProcedures,
  ...printingProcedures,
  ...stockProcedures,
  ...reportProcedures,
  ...benchProcedures,
  ...collectionProcedures,
  ...backupProcedures,
  ...statusProcedures,
  ...messagingProcedures,
  ...recallProcedures,
};

export type Procedures = typeof procedures;
export type ProcedureName = keyof Procedures;
