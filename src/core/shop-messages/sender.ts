/**
 * A shop that is not enrolled sends its customers' messages itself (issue 20 points 3 and 4),
 * through the gateway its manager configured (shop-gateway.ts), with the same rules head office
 * uses (shared/messaging/rules.ts): consent, one message per event, reminders, quiet hours.
 * A message waiting (quiet hours, a retry) is a `meta` row `messages:queue:<ticket>:<key>`; a
 * final result goes on the ticket's timeline as a `message` event with its key, which is also
 * what tells the planner it went. Network waits happen outside any transaction; every database
 * step holds the backend's one connection (no call's transaction is open meanwhile).
 */
import type { BackendServices } from '../api/context';
import { prepared, statement } from '../db/statements';
import { storedSettings } from '../shop/settings';
import { createGateway, type SmsMessage } from '../messaging/gateway';
import { deliver } from '../messaging/send-with-retry';
import { loadShopGateway } from '../messaging/shop-gateway';
import { DEFAULT_MESSAGE_RULES, dueMessages, type MessageKind, type MessageLocale } from '../../shared/messaging/rules';
import { messageChannel, messageText, messageVars, type MessageFacts } from '../../shared/messaging/render';
import { maskPhone } from '../../shared/documents/format';

const QUEUE = 'messages:queue:';
const DAY = 86_400_000;
const OPEN = ['received', 'awaiting_approval', 'awaiting_parts', 'ready', 'collected'];

interface Queued {
  ticketId: string;
  kind: MessageKind;
  key: string;
  msg: SmsMessage;
  /** Attempts made so far. */
  attempts: number;
  /** Not before this instant (the end of the quiet hours, or the next retry). */
  at: string;
}

type Services = Pick<BackendServices, 'sqlite' | 'db' | 'keys' | 'clock' | 'newId'>;
const hold = <T>(s: Services, fn: () => T): Promise<T> => s.db.connection().execute(async () => fn());

/** Plans what is due and sends what is queued; nothing without a configured gateway (or once enrolled). */
export async function runShopMessages(s: Services): Promise<{ planned: number; sent: number; failed: number; retry: number }> {
  const out = { planned: 0, sent: 0, failed: 0, retry: 0 };
  const gw = await hold(s, () => loadShopGateway(s));
  if (gw.state !== 'configured') return out;
  const gateway = createGateway(gw.settings, { clock: s.clock });
  out.planned = await hold(s, () => s.sqlite.transaction(() => plan(s, gw.settings.templates))());
  const now = s.clock.now().toISOString();
  const queued = await hold(s, () =>
    statement<{ key: string; value: string }, [string]>(s.sqlite, `SELECT key, value FROM meta WHERE key LIKE ? ESCAPE '\\'`)
      .all(`${QUEUE.replace(/_/g, '\\_')}%`)
      .map((r) => ({ metaKey: r.key, q: JSON.parse(r.value) as Queued }))
      .filter((r) => r.q.at <= now),
  );
  for (const { metaKey, q } of queued) {
    const d = await deliver(gateway, q.msg, q.attempts + 1, s.clock);
    await hold(s, () =>
      s.sqlite.transaction(() => {
        if (d.state === 'retry') {
          out.retry++;
          prepared(s.sqlite, `UPDATE meta SET value = ? WHERE key = ?`).run(JSON.stringify({ ...q, attempts: d.attempt, at: d.retryAt }), metaKey);
          return;
        }
        if (d.state === 'delivered') out.sent++;
        else out.failed++;
        const nowIso = s.clock.now().toISOString();
        prepared(s.sqlite, `INSERT INTO ticket_events (id, ticket_id, at, user_id, from_status, to_status, kind, note, data_json) VALUES (?, ?, ?, NULL, NULL, NULL, 'message', ?, ?)`).run(
          s.newId(),
          q.ticketId,
          nowIso,
          q.msg.text,
          JSON.stringify({ key: q.key, messageKind: q.kind, result: d.state === 'delivered' ? 'sent' : 'not_delivered', to: maskPhone(q.msg.to), attempts: d.attempt, error: d.state === 'failed' ? `${d.code}: ${d.message}`.slice(0, 300) : null }),
        );
        prepared(s.sqlite, `DELETE FROM meta WHERE key = ?`).run(metaKey);
      })(),
    );
  }
  return out;
}

/** Queues the messages due now. No status page without head office: {link} is empty, and a trailing "进度：" goes with it. */
function plan(s: Services, providerTemplates: Record<string, string>): number {
  const settings = storedSettings(s.sqlite);
  if (!settings || settings.enrolled) return 0;
  const now = s.clock.now();
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const rules = { ...DEFAULT_MESSAGE_RULES, timeZone: str(settings.timeZone) || DEFAULT_MESSAGE_RULES.timeZone };
  const tickets = statement<{ id: string; number: string; status: string; status_at: string; customer_id: string; brand: string; model: string }>(
    s.sqlite,
    `SELECT t.id, t.number, t.status, t.status_at, t.customer_id, d.brand, d.model FROM tickets t JOIN devices d ON d.id = t.device_id WHERE t.status IN (${OPEN.map(() => '?').join(', ')})`,
  ).all(...OPEN);
  let planned = 0;
  for (const t of tickets) {
    if (t.status === 'collected' && now.getTime() - Date.parse(t.status_at) > (rules.surveyAfterDays + 2) * DAY) continue;
    const consent = statement<{ consent: number; locale: MessageLocale }, [string]>(s.sqlite, `SELECT consent, locale FROM message_consents WHERE customer_id = ? ORDER BY recorded_at DESC, id DESC LIMIT 1`).get(t.customer_id);
    if (consent?.consent !== 1) continue;
    const events = statement<{ id: string; to_status: string; at: string }, [string]>(s.sqlite, `SELECT id, to_status, at FROM ticket_events WHERE ticket_id = ? AND to_status IS NOT NULL ORDER BY id`).all(t.id);
    const sent = statement<{ key: string }, [string]>(s.sqlite, `SELECT json_extract(data_json, '$.key') AS key FROM ticket_events WHERE ticket_id = ? AND kind = 'message'`).all(t.id).map((r) => r.key);
    const waiting = statement<{ key: string }, [string]>(s.sqlite, `SELECT key FROM meta WHERE key LIKE ?`).all(`${QUEUE}${t.id}:%`).map((r) => r.key.slice(`${QUEUE}${t.id}:`.length));
    const collectedAt = t.status === 'collected' ? t.status_at : null;
    const due = dueMessages({ statuses: events.map((e) => ({ eventId: e.id, to: e.to_status, at: e.at })), consent: true, optedOut: false, collectedAt, sentKeys: new Set([...sent, ...waiting]) }, rules, now);
    if (due.length === 0) continue;
    const phone = statement<{ e164: string }, [string]>(s.sqlite, `SELECT e164 FROM customer_phones WHERE customer_id = ? ORDER BY kind = 'mobile' DESC, position LIMIT 1`).get(t.customer_id);
    if (!phone) continue;
    const total = statement<{ fen: number }, [string]>(s.sqlite, `SELECT customer_total_fen AS fen FROM quotes WHERE ticket_id = ? ORDER BY version DESC LIMIT 1`).get(t.id);
    const collection = collectedAt ? statement<{ warranty_until: string | null }, [string]>(s.sqlite, `SELECT warranty_until FROM collections WHERE ticket_id = ? ORDER BY id DESC LIMIT 1`).get(t.id) : undefined;
    const facts: MessageFacts = { shop: str(settings.name), number: t.number, device: `${t.brand} ${t.model}`.trim(), link: '', phone: str(settings.phone) || str(settings.hotline), totalFen: total ? total.fen : null, warrantyUntil: collection?.warranty_until ?? null };
    for (const m of due) {
      const channel = messageChannel(m.kind, consent.locale, providerTemplates);
      const vars = messageVars(facts, m, channel.locale);
      const q: Queued = {
        ticketId: t.id,
        kind: m.kind,
        key: m.key,
        msg: { to: phone.e164, templateCode: channel.templateCode, params: vars, text: messageText(m.kind, channel.locale, vars) },
        attempts: 0,
        at: m.sendAt,
      };
      prepared(s.sqlite, `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`).run(`${QUEUE}${t.id}:${m.key}`, JSON.stringify(q));
      planned++;
    }
  }
  return planned;
}
