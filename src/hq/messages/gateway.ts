/** The SMS gateway head office sends with (approval codes, customer messages). */
import type { HqContext } from '../context';
import type { SmsGateway } from '../../core/messaging/gateway';
import { logGateway } from '../../core/messaging/log-gateway';

const fallbackGateways = new WeakMap<HqContext, SmsGateway>();

/** The configured gateway (HQ_SMS_GATEWAY); a log gateway when none is (a demo, a test). */
export function smsOf(ctx: HqContext): SmsGateway {
  if (ctx.opts.sms) return ctx.opts.sms;
  let g = fallbackGateways.get(ctx);
  if (!g) fallbackGateways.set(ctx, (g = logGateway({ clock: { now: () => ctx.now() } })));
  return g;
}
