import type { Backend } from '../../../src/core';
import type { Role } from '../../../src/shared/api/roles';
import type { PartInput } from '../../../src/shared/stock/schemas';
import { intakeInput } from '../intake/helpers';

export type Tokens = Record<Role, string>;

let n = 0;
/** A catalog part created by the admin; override what the test is about. */
export async function makePart(b: Backend, tokens: Tokens, over: Partial<PartInput> = {}) {
  n++;
  return b.call(
    'parts.save',
    {
      part: {
        sku: `T-${n}`,
        nameZh: `测试配件${n}`,
        nameEn: `Test part ${n}`,
        category: 'screen',
        models: ['Mate 60 Pro'],
        listPrice: 99900,
        ...over,
      },
    },
    { token: tokens.admin },
  );
}

/** A real ticket through intake (stock checks tickets exist). */
export async function makeTicket(b: Backend, tokens: Tokens): Promise<{ id: string; number: string; deviceId: string }> {
  const r = await b.call('tickets.intake', { ...intakeInput(), confirmDuplicate: true }, { token: tokens.counter });
  const t = r.ticket!;
  return { id: t.id, number: t.number, deviceId: t.device.id };
}

export const count = (b: Backend, sql: string, ...params: unknown[]) => (b.services.sqlite.prepare(sql).get(...params) as { n: number }).n;
export const movements = (b: Backend) => count(b, 'SELECT count(*) n FROM stock_movements');
