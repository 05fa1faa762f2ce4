import type { Backend } from '../backend';
import { SAMPLE_PRICE_LIST as PRICE_LIST } from './sample-price-list';
import { statement } from '../db/statements';
import { firstRow, qb } from '../db/query';

type Tokens = { tech: string; chen: string; counter: string; admin: string };

const CAUSES: Record<string, string> = {
  screen_broken: '外屏碎裂，显示排线受损',
  display_fault: '显示屏排线接触不良',
  battery: '电池老化，容量低于 80%',
  charging: '尾插接口氧化',
  no_power: '主板供电芯片损坏',
};

/**
 * Moves some of the demo's received tickets through the bench, with the real procedures,
 * so every state of the lifecycle is on screen: diagnosing, awaiting approval, repairing,
 * awaiting parts, QC and ready.
 */
export async function seedBenchDemo(backend: Backend, adminToken: string): Promise<void> {
  const login = async (username: string, password: string) => (await backend.call('auth.login', { username, password })).token;
  const tokens: Tokens = { tech: await login('zhang', 'tech-demo'), chen: await login('chen', 'tech-demo'), counter: await login('li', 'counter-demo'), admin: adminToken };
  const as = (token: string) => ({ token });
  const prices = new Map<string, string>();
  for (const item of PRICE_LIST) prices.set(item.code, (await backend.call('priceList.save', { ...item }, as(tokens.admin))).id);

  const { sqlite } = backend.services;
  const tickets = statement<{ id: string; fault_codes_json: string; category: string; model: string; tech: string | null }>(sqlite, `SELECT t.id, t.fault_codes_json, d.category, d.model, u.username AS tech FROM tickets t JOIN devices d ON d.id = t.device_id
       LEFT JOIN users u ON u.id = t.technician_id
       WHERE t.status = 'received' ORDER BY t.received_at LIMIT 12`).all();
  const partFor = (model: string, category: string) =>
    statement<{ id: string }>(sqlite, `SELECT p.id FROM parts p JOIN stock_balances b ON b.part_id = p.id WHERE p.kind = 'part' AND p.serialized = 0 AND p.models_text LIKE ? AND p.category = ? AND b.on_hand > b.reserved LIMIT 1`).get(`%${model}%`, category)?.id;
  const laborFor = (category: string) => prices.get(category === 'phone' ? 'LAB-PHONE-SCREEN' : category === 'laptop' ? 'LAB-LAPTOP' : category === 'tv' ? 'LAB-TV' : 'LAB-APPLIANCE')!;

  // target state per ticket, oldest first: the oldest are furthest along
  const plan = ['ready', 'ready', 'qc', 'repairing', 'repairing', 'awaiting_parts', 'awaiting_approval', 'awaiting_approval', 'diagnosing', 'diagnosing'] as const;
  for (const [i, t] of tickets.slice(0, plan.length).entries()) {
    const target = plan[i]!;
    const fault = (JSON.parse(t.fault_codes_json) as string[])[0] ?? 'no_power';
    // the ticket's own technician does the work (credit goes to who did it); unassigned ones are claimed
    const tech = t.tech === 'chen' ? tokens.chen : tokens.tech;
    if (!t.tech) await backend.call('bench.claim', { ticketId: t.id }, as(tech));
    await backend.call('bench.diagnose', { ticketId: t.id, cause: CAUSES[fault] ?? '经检测确认故障，需更换配件',
      // the customers waiting for a call dropped their phones: impact voids the warranty, so the quote needs approval
      findings: target === 'awaiting_approval' ? ['impact'] : [] }, as(tech));
    if (target === 'diagnosing') continue;
    const part = target === 'awaiting_parts' ? undefined : partFor(t.model, fault === 'battery' ? '电池' : '屏幕');
    const lines = [{ kind: 'labor' as const, priceItemId: laborFor(t.category) }, ...(part ? [{ kind: 'part' as const, partId: part }] : [])];
    const wb = (await backend.call('bench.quote.save', { ticketId: t.id, lines, submit: true } as never, as(tech))) as unknown as {
      quote: { current: { id: string } | null; covered?: boolean };
      ticket?: { status: string };
    };
    const status = () => firstRow(sqlite, qb.selectFrom('tickets').select('status').where('id', '=', t.id))!.status;
    if (target === 'awaiting_approval') continue;
    if (status() === 'awaiting_approval') {
      await backend.call(
        'bench.authorize',
        { ticketId: t.id, quoteId: wb.quote.current!.id, method: 'phone', phone: { number: '13800138000', words: '同意维修，按报价来' } } as never,
        as(tokens.counter),
      );
    }
    if (target === 'awaiting_parts') {
      const short = statement<{ id: string }>(sqlite, `SELECT id FROM parts WHERE kind = 'part' AND id NOT IN (SELECT part_id FROM stock_balances WHERE on_hand > 0) LIMIT 1`).get();
      if (short) await backend.call('bench.awaitParts', { ticketId: t.id, partId: short.id, expectedDate: new Date(backend.services.clock.now().getTime() + 5 * 86_400_000).toISOString().slice(0, 10) } as never, as(tech));
      continue;
    }
    if (status() !== 'repairing') await backend.call('bench.transition', { ticketId: t.id, to: 'repairing' } as never, as(tech));
    if (part) await backend.call('bench.issuePart', { ticketId: t.id, partId: part, removed: { serial: '', description: '旧件' } } as never, as(tech));
    if (target === 'repairing') continue;
    await backend.call('bench.transition', { ticketId: t.id, to: 'qc' } as never, as(tech));
    if (target === 'qc') continue;
    const checklist = ((await backend.call('bench.workbench', { ticketId: t.id } as never, as(tech))) as unknown as { qcChecklist: string[] }).qcChecklist;
    await backend.call('bench.qc', { ticketId: t.id, items: Object.fromEntries(checklist.map((c) => [c, 'pass'])), data: 'preserved' } as never, as(tech));
  }
}
