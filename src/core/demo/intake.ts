/**
 * Demo counter: ~30 customers with their phones, laptops, TVs and appliances, and tickets
 * taken in over the last two weeks. Intakes go through runIntake, the procedure's own code,
 * with a clock set back to the day each one happened, so numbers, events and ids read as
 * they would in a real shop.
 */
import type { Backend } from '../backend';
import type { Ctx, SessionUser } from '../api/context';
import { uuidv7Generator, type Clock } from '../../shared/util/ids';
import { intakeInputSchema, type IntakeInputRaw } from '../../shared/tickets/schemas';
import { withCheckDigit } from '../../shared/devices/imei';
import { COMMON_FAULTS, type DeviceCategory } from '../../shared/devices/categories';
import { localDate, addDaysToDate } from '../../shared/time/local-date';
import { messages as deviceMessages } from '../../shared/devices/messages';
import { runIntake } from '../tickets/intake';
import { CATALOG, COLOURS, FAULT_DETAILS, MOBILE_PREFIXES } from './intake-data';
import { firstRow, qb, rows } from '../db/query';
import { shopSettings } from '../shop/settings';

const NAMES = ['王小明', '李娜', '张伟', '刘洋', '陈静', '杨帆', '黄磊', '赵敏', '吴刚', '周杰', '徐静蕾', '孙丽', '马超', '朱婷', '胡歌', '郭靖', '何欣怡', '林峰', '罗志祥', '高圆', '郑爽', '梁朝伟', '谢娜', '宋佳', '唐嫣', '欧阳娜娜', '韩雪', '冯巩', '邓超', '曹颖'];
const DEVICE_PLAN: DeviceCategory[] = ['phone', 'phone', 'phone', 'phone', 'laptop', 'phone', 'tv', 'phone', 'refrigerator', 'phone', 'air_conditioner', 'tablet', 'phone', 'washing_machine', 'laptop'];

/** A deterministic pseudo-random sequence, so the demo is the same every time. */
function seq(seed: number) {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

export async function seedIntakeDemo(backend: Backend): Promise<void> {
  const s = backend.services;
  const counter = firstRow(s.sqlite, qb.selectFrom('users').select(['id', 'username', 'display_name']).where('role', '=', 'counter').limit(1))!;
  const techs = rows(s.sqlite, qb.selectFrom('users').select('id').where('role', '=', 'technician').orderBy('username')).map((r) => r.id);
  const tz = shopSettings(s).timeZone;
  const session: SessionUser = { userId: counter.id, username: counter.username, displayName: counter.display_name, role: 'counter', tokenHash: '' };
  const rand = seq(2026);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
  const zh = deviceMessages['zh-CN'];
  const nowMs = s.clock.now().getTime();
  const customerIds: string[] = [];

  for (let i = 0; i < NAMES.length; i++) {
    // Spread over the last 14 days, oldest first, at shop hours (10:00–19:00 Shanghai = 02:00–11:00 UTC).
    const day = Math.floor(((NAMES.length - 1 - i) * 14) / NAMES.length);
    const at = new Date(nowMs - day * 86_400_000);
    at.setUTCHours(2 + Math.floor(rand() * 9), Math.floor(rand() * 60));
    const when = at.getTime() > nowMs ? new Date(nowMs - 60_000 * (NAMES.length - i)) : at;
    const clock: Clock = { now: () => when };
    const ctx: Ctx = {
      ...s,
      clock,
      newId: uuidv7Generator(clock),
      session,
      callerTokenHash: null,
      station: null,
      source: 'local',
      locale: 'zh-CN',
      nowIso: () => when.toISOString(),
      audit: async () => {},
      failAfterCommit: (e) => {
        throw e;
      },
      me: () => session,
    };
    const category = DEVICE_PLAN[i % DEVICE_PLAN.length]!;
    const line = pick(CATALOG[category]);
    const today = localDate(when, tz);
    const purchase = addDaysToDate(today, -Math.floor(30 + rand() * 600));
    const fault = pick(COMMON_FAULTS[category]);
    const returning = i > 20 && customerIds.length > 0;
    const input: IntakeInputRaw = {
      ...(returning
        ? { customerId: customerIds[i - 18]! }
        : {
            customer: {
              name: NAMES[i]!,
              phones: [`${pick(MOBILE_PREFIXES)}${digits(8)}`, ...(i % 7 === 3 ? [`0755${8 + (i % 2)}${digits(7)}`] : [])],
              address: i % 3 === 0 ? `深圳市福田区华强北路${100 + i}号` : '',
            },
          }),
      device: {
        category,
        brand: line.brand,
        model: pick(line.models),
        imei: line.tacs ? withCheckDigit(pick(line.tacs) + digits(6)) : '',
        serial: line.tacs ? '' : `${line.serialPrefix}${digits(8)}`,
        colour: pick(COLOURS),
        purchaseDate: purchase,
        proof: i % 4 === 0 ? { kind: 'none' } : { kind: 'invoice', invoiceNo: `4403${digits(8)}`, invoiceDate: purchase, seller: '京东自营' },
      },
      fault: { text: `${zh[`devices.fault.${fault}`]}，${pick(FAULT_DETAILS)}`, codes: [fault] },
      condition: { powers_on: fault === 'no_power' ? 'fault' : 'ok', display: fault === 'screen_broken' ? 'fault' : 'ok', cosmetic: i % 5 === 0 ? 'fault' : 'ok', cosmeticNotes: i % 5 === 0 ? '背壳有划痕' : '' },
      accessories: { items: category === 'phone' ? ['case', 'sim_tray'] : category === 'laptop' ? ['charger'] : [] },
      passcode: category === 'phone' ? (i % 3 === 0 ? { kind: 'pattern', value: '14789' } : i % 3 === 1 ? { kind: 'pin', value: digits(6) } : 'declined') : 'none',
      dataLossAck: true,
      // most agree to text messages about the repair; some refuse (issue 20)
      messageConsent: i % 5 !== 3,
      // and a few want them in English
      ...(i % 10 === 6 ? { messageLocale: 'en' as const } : {}),
      promisedDate: addDaysToDate(today, 3 + (i % 5)),
      depositFen: i % 4 === 1 ? 10_000 : 0,
      technicianId: i % 3 === 2 ? null : techs[i % techs.length] ?? null,
      warrantyClaimed: i % 4 !== 0,
      findings: i % 4 === 0 ? ['no_proof'] : [],
      confirmDuplicate: true,
    };
    const parsed = intakeInputSchema.parse(input);
    const { ticketId } = s.sqlite.transaction(() => runIntake(ctx, parsed))();
    if (!returning && ticketId) customerIds.push(firstRow(s.sqlite, qb.selectFrom('tickets').select('customer_id').where('id', '=', ticketId))!.customer_id);
  }
}
