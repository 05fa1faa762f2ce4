import type { Procedures } from '../shared/api/procedures';
import type { Handlers } from './api/context';
import { systemHandlers } from './system/handlers';
import { syncHandlers } from './sync/handlers';
import { authHandlers } from './auth/handlers';
import { shopHandlers } from './shop/handlers';
import { auditHandlers } from './audit/handlers';
import { customerHandlers } from './customers/handlers';
import { deviceHandlers } from './devices/handlers';
import { ticketHandlers } from './tickets/handlers';
import { searchHandlers } from './search/handlers';
import { warrantyHandlers } from './warranty/handlers';
import { printingHandlers } from './printing/handlers';
import { stockHandlers } from './stock/handlers';
import { reportHandlers } from './reports/handlers';
import { benchHandlers } from './bench/handlers';
import { collectionHandlers } from './collection/handlers';
import { backupHandlers } from './backup/handlers';
import { statusHandlers } from './status/handlers';
import { messagingHandlers } from './shop-messages/handlers';
import { recallHandlers } from './recalls/handlers';

/** Every procedure of the contract has exactly one handler; the type makes a missing one a compile error. */
export const handlers: Handlers<Procedures> = {
  ...systemHandlers,
  ...syncHandlers,
  ...authHandlers,
  ...shopHandlers,
  ...auditHandlers,
  ...customerHandlers,
  ...deviceHandlers,
  ...ticketHandlers,
  ...searchHandlers,
  ...warrantyHandlers,
  ...printingHandlers,
  ...stockHandlers,
  ...reportHandlers,
  ...benchHandlers,
  ...collectionHandlers,
  ...backupHandlers,
  ...statusHandlers,
  ...messagingHandlers,
  ...recallHandlers,
};
