/**
 * A shop for recall campaigns: the claims test shop (enrolled at `hq`, syncing in-process) with
 * helpers to take a phone in (optionally accepting recall banners) and to repair and hand it back.
 */
import type { TicketDetail } from '../../../src/shared/tickets/schemas';
import { withCheckDigit } from '../../../src/shared/devices/imei';
import type { TestHq } from '../../helpers/hq';
import { intakeInput } from '../intake/helpers';
import { claimsShop, type ClaimsShop } from './claims-fixture';

/** An IMEI of the test series 86123450000xxx (check digit added): `n` picks the unit. */
export const recallImei = (n: number) => withCheckDigit(`8612345${String(n).padStart(7, '0')}`);

export interface RecallShop extends ClaimsShop {
  intake(device: { model?: string; imei?: string; serial?: string }, recallIds?: string[]): Promise<TicketDetail>;
  repairAndCollect(ticketId: string): Promise<void>;
}

export async function recallShop(hq: TestHq): Promise<RecallShop> {
  const shop = await claimsShop(hq);
  const { call } = shop;
  const status = (id: string) => (shop.backend.services.sqlite.prepare(`SELECT status FROM tickets WHERE id = ?`).get(id) as { status: string }).status;
  const labor = (shop.backend.services.sqlite.prepare(`SELECT id FROM price_list_items WHERE code = 'LAB-SCREEN'`).get() as { id: string }).id;
  return {
    ...shop,
    async intake(device, recallIds = []) {
      const base = intakeInput();
      const input = { ...base, device: { ...(base.device as object), ...device }, confirmDuplicate: true, recallIds };
      const r = await call<{ ticket: TicketDetail }>('counter', 'tickets.intake', input);
      return r.ticket;
    },
    async repairAndCollect(id) {
      await call('technician', 'bench.claim', { ticketId: id });
      await call('technician', 'bench.diagnose', { ticketId: id, cause: '电池鼓包（召回范围）', findings: [] });
      const wb = await call('technician', 'bench.quote.save', { ticketId: id, lines: [{ kind: 'labor', priceItemId: labor }], submit: true });
      if (status(id) === 'awaiting_approval') await call('counter', 'bench.authorize', { ticketId: id, quoteId: wb.quote.current.id, method: 'phone', phone: { number: '13800138000', words: '同意' } });
      if (status(id) !== 'repairing') await call('technician', 'bench.transition', { ticketId: id, to: 'repairing' });
      await call('technician', 'bench.transition', { ticketId: id, to: 'qc' });
      const w2 = await call('technician', 'bench.workbench', { ticketId: id });
      await call('technician', 'bench.qc', { ticketId: id, items: Object.fromEntries(w2.qcChecklist.map((k: string) => [k, 'pass'])), data: 'preserved' });
      const v = await call('counter', 'collection.lookup', { ref: id });
      const due = v.settlement.totalFen as number;
      await call('counter', 'collection.complete', { ticketId: id, identity: { method: 'phone_last4', last4: '8000' }, tenders: due > 0 ? [{ tender: 'alipay', amountFen: due, reference: 'ALI-R' }] : [] });
    },
  };
}
