import type { messagingProcedures } from '../../shared/messaging/procedures';
import type { BackendServices, Ctx, Handlers } from '../api/context';
import { redactGatewaySettings } from '../../shared/messaging/gateway-settings';
import { clearShopGateway, loadShopGateway, saveShopGateway } from '../messaging/shop-gateway';
import { runShopMessages } from './sender';

const view = (ctx: Pick<Ctx, 'sqlite' | 'keys'>) => {
  const g = loadShopGateway(ctx);
  return { state: g.state, settings: g.state === 'configured' ? redactGatewaySettings(g.settings) : null };
};

export const messagingHandlers: Handlers<typeof messagingProcedures> = {
  async 'messaging.gateway'(_input, ctx) {
    return view(ctx);
  },
  async 'messaging.saveGateway'(input, ctx) {
    const saved = saveShopGateway(ctx, input);
    await ctx.audit('messaging.gateway', 'shop', null, { kind: saved.kind });
    return view(ctx);
  },
  async 'messaging.clearGateway'(_input, ctx) {
    clearShopGateway(ctx);
    await ctx.audit('messaging.gateway', 'shop', null, { kind: null });
    return view(ctx);
  },
};

/** The shop's own sender, every minute (nothing happens without a configured gateway, or once enrolled). */
export function attachMessageTimer(services: BackendServices, intervalMs = 60_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running || !services.sqlite.open) return;
    running = true;
    runShopMessages(services)
      .catch((e) => console.error('[fixpoint] customer messages failed', e))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
