/**
 * Head office's customer messages, run on a timer (issue 20 point 3): plan what is due, then send
 * what is queued. One run at a time per process; several processes on one database are safe (the
 * plan is unique per event, a send is claimed before it goes).
 */
import type { HqContext } from '../context';
import { planMessages, type PlanRun } from './plan';
import { sendDueMessages } from './send';

export async function runMessages(ctx: HqContext): Promise<PlanRun & { sent: number; failed: number; retry: number }> {
  const plan = await planMessages(ctx);
  return { ...plan, ...(await sendDueMessages(ctx)) };
}

export function startMessages(ctx: HqContext, everyMs: number, onError: (e: unknown) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runMessages(ctx)
      .catch(onError)
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
