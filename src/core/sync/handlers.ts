import type { syncProcedures } from '../../shared/sync/procedures';
import type { Handlers } from '../api/context';
import { syncEngineOf } from './engine';
import { pendingSync } from './pending';

type P = typeof syncProcedures;

export const syncHandlers: Handlers<P> = {
  async 'sync.status'(_input, ctx) {
    return syncEngineOf(ctx).status(ctx.locale);
  },

  async 'sync.now'(_input, ctx) {
    const engine = syncEngineOf(ctx);
    await engine.runNow();
    return engine.status(ctx.locale);
  },

  async 'sync.enroll'(input, ctx) {
    const engine = syncEngineOf(ctx);
    await engine.enroll(input.url, input.code);
    void engine.runNow(); // the first sync starts at once, in the background
    return engine.status(ctx.locale);
  },

  async 'sync.lookupDevice'(input, ctx) {
    return syncEngineOf(ctx).lookupDevice({ ...(input.imei ? { imei: input.imei } : {}), ...(input.serial ? { serial: input.serial } : {}) }, ctx.locale);
  },

  async 'sync.pending'(input, ctx) {
    return { pending: [...pendingSync(ctx.sqlite, input.table, input.ids)] };
  },
};
