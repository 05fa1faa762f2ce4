import type { Procedures } from '../shared/api/procedures';
import type { Handlers } from './api/context';
import { systemHandlers } from './system/handlers';
import { authHandlers } from './auth/handlers';
import { shopHandlers } from './shop/handlers';
import { auditHandlers } from './audit/handlers';
import { warrantyHandlers } from './warranty/handlers';
import { printingHandlers } from './printing/handlers';

/** Every procedure of the contract has exactly one handler; the type makes a missing one a compile error. */
export const handlers: Handlers<Procedures> = {
  ...systemHandlers,
  ...authHandlers,
  ...shopHandlers,
  ...auditHandlers,
  ...warrantyHandlers,
  ...printingHandlers,
};
