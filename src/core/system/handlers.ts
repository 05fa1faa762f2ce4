import type { systemProcedures } from '../../shared/system/procedures';
import type { Handlers } from '../api/context';
import { APP_VERSION } from '../version';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';

type P = typeof systemProcedures;

export const systemHandlers: Handlers<Pick<P, 'system.ping' | 'system.info'>> = {
  'system.ping': () => ({ pong: true as const }),
  'system.info': (_input, ctx) => ({
    version: APP_VERSION,
    schemaVersion: LATEST_SCHEMA_VERSION,
    host: { listening: ctx.host.listening, lanAddresses: [...ctx.host.lanAddresses] },
  }),
};
