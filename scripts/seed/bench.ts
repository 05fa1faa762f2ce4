/**
 * The bench in the generated shop, set-based SQL over the tickets' status events (fast on a
 * million tickets): the price list, a diagnosis for every ticket that went past diagnosing, its
 * quote (mostly one version, some two) with labor from the price list and the parts the ticket
 * was issued (stock step), each line carrying the warranty decision and payer split the engine
 * gives (seed/coverage.ts: covered repairs cost the customer nothing, the maker pays; the rest
 * are paid, some mixed), the customer's authorization (signature, phone or signed paper; the
 * intake consent for a covered repair), QC results, time logged by the credited technician, and
 * each ticket's bench row. Same columns, JSON shapes and statuses as src/core/bench writes, at
 * the instants of the status events: a quote at the move out of diagnosing, an approval at the
 * move to repairing, a QC result at the move out of QC, time inside the diagnosing and
 * repairing spells.
 *
 * Runs before the report projection is folded (report_facts.quote_mix comes from the quotes).
 * Ids are UUIDv7 of each record's own instant, with the ticket id's random tail.
 */
import crypto from 'node:crypto';
import { fieldError } from '../../src/shared/api/errors';
import { qcChecklist } from '../../src/shared/bench/rules';
import { COMMON_FAULTS, DEVICE_CATEGORIES } from '../../src/shared/devices/categories';
import { t } from '../../src/shared/i18n/translate';
import type { Locale } from '../../src/shared/i18n/types';
import { periodCode } from '../../src/shared/warranty/engine';
import { formatReason } from '../../src/shared/warranty/format';
import { DAMAGE_FAULTS } from '../../src/shared/warranty/from-ticket';
import type { Reason } from '../../src/shared/warranty/schemas';
import { toPriceRow } from '../../src/core/bench/pricelist';
import { SAMPLE_PRICE_LIST } from '../../src/core/bench/sample-price-list';
import type { SeedContext, SeedStep } from './context';
import { seedCoverage } from './coverage';

/** The demo's price list and labor for the other categories the generator writes. */
const PRICE_LIST = [
  ...SAMPLE_PRICE_LIST,
  { code: 'LAB-PHONE-PORT', kind: 'labor', nameZh: '手机尾插/小板维修工时', nameEn: 'Phone charging port repair labor', category: 'phone', priceFen: 4000 },
  { code: 'LAB-TABLET', kind: 'labor', nameZh: '平板电脑维修工时', nameEn: 'Tablet repair labor', category: 'tablet', priceFen: 9000 },
  { code: 'LAB-DESKTOP', kind: 'labor', nameZh: '台式电脑维修工时', nameEn: 'Desktop repair labor', category: 'desktop', priceFen: 10000 },
] as const;

function laborCode(category: string, fault: string): string {
  if (category === 'phone') {
    if (['screen_broken', 'display_fault', 'touch_fault'].includes(fault)) return 'LAB-PHONE-SCREEN';
    if (fault === 'battery') return 'LAB-PHONE-BATTERY';
    if (fault === 'charging') return 'LAB-PHONE-PORT';
    return 'LAB-PHONE-BOARD';
  }
  return ({ tablet: 'LAB-TABLET', laptop: 'LAB-LAPTOP', desktop: 'LAB-DESKTOP', tv: 'LAB-TV' } as Record<string, string>)[category] ?? 'LAB-APPLIANCE';
}

/** The policy part a technician names on a part line, by device category and the catalog's part category (stock step). */
const WARRANTY_PARTS: Record<string, Record<string, string>> = {
  laptop: { 主板: 'mainboard', 屏幕: 'display', 键盘: 'keyboard', 电源板: 'power_adapter' },
  desktop: { 主板: 'mainboard', 屏幕: 'display', 键盘: 'keyboard', 电源板: 'power_supply' },
  tv: { 屏幕: 'panel', 主板: 'logic_board' },
  refrigerator: { 压缩机: 'compressor' },
  air_conditioner: { 压缩机: 'compressor' },
  washing_machine: { 主板: 'program_controller' },
};

const CAUSES: Record<string, string> = {
  screen_broken: '外屏碎裂，显示排线受损',
  display_fault: '显示屏排线接触不良',
  touch_fault: '触摸屏控制芯片异常',
  battery: '电池老化，容量低于 80%',
  charging: '尾插接口氧化',
  no_power: '主板供电芯片损坏',
  camera: '摄像头模组对焦马达故障',
  audio: '扬声器/听筒单元损坏',
  signal: '射频模块故障',
  wifi_bt: '无线模块虚焊',
  liquid_damage: '主板进液腐蚀',
  buttons: '按键排线断裂',
  software: '系统文件损坏，需刷机',
  overheating: '散热硅脂老化，主板局部短路',
  keyboard: '键盘排线损坏',
  touchpad: '触控板模组故障',
  storage: '硬盘坏道',
  hinge: '转轴断裂',
  no_display: '显卡/显示输出故障',
  noise: '风扇/电机轴承磨损',
  ports: '接口板损坏',
  no_picture: '主板图像处理电路故障',
  lines_on_screen: '屏幕驱动电路故障',
  no_sound: '功放电路故障',
  remote: '遥控接收头损坏',
  backlight: '背光灯条损坏',
  not_cooling: '制冷系统故障，压缩机不启动',
  over_cooling: '温控器失灵',
  water_leak: '排水管路堵塞/密封老化',
  ice_build_up: '化霜系统故障',
  door_seal: '门封条老化',
  not_draining: '排水泵堵塞',
  not_spinning: '电机/皮带故障',
  error_code: '控制板故障，报错代码',
  door_lock: '门锁开关损坏',
  not_heating: '加热元件损坏',
  odour: '蒸发器脏堵，需清洗',
  turntable: '转盘电机损坏',
  door: '门开关故障',
  sparking: '波导盖板碳化',
  broken_part: '部件断裂，需更换',
};

const QC_FAIL: Record<string, [string, string]> = {
  handheld: ['touch', '触摸测试偶发失灵，返修'],
  computer: ['keyboard', '键盘部分按键失灵，返修'],
  appliance: ['function_test', '功能测试未通过，重新检修'],
};
/** The extra a customer sometimes declines before approving (a custom line). */
const EXTRA = { name: '清洁保养', priceFen: 2000 };

/** A 1×1 PNG: what a signature pad or a scan attaches (the real ones are bigger; the row is the same). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const both = (key: string, params?: Record<string, string | number>): string => JSON.stringify({ 'zh-CN': [t('zh-CN', key, params)], en: [t('en', key, params)] });

/** Milliseconds since the epoch of an ISO instant written by toISOString(). */
const ms = (x: string) => `(unixepoch(${x}) * 1000 + CAST(substr(${x}, 21, 3) AS INTEGER))`;
/** ISO instant ('…T12:34:56.789Z') of milliseconds since the epoch. */
const iso = (m: string) => `(strftime('%Y-%m-%dT%H:%M:%S', (${m}) / 1000, 'unixepoch') || printf('.%03dZ', (${m}) % 1000))`;
/** A UUIDv7 for the instant `m` (ms), record kind `disc` (0–4095) and the ticket id's random tail. */
const idOf = (m: string, disc: string | number, tid: string) => `(printf('%08x-%04x-7%03x', (${m}) / 65536, (${m}) % 65536, ${disc}) || substr(${tid}, 19))`;
/** The shop's local date (China, UTC+8 all year) of milliseconds since the epoch. */
const localDate = (m: string) => `date((${m}) / 1000 + 28800, 'unixepoch')`;

/** The step's work tables (temp schema), dropped at the end. */
const WORK_TABLES = ['li', 'lab', 'wpm', 'tpl', 'cause', 'qct', 'dc', 'ev', 'ip', 'ipt', 'bt', 'qt', 'seq', 'pn', 'au'];
const BENCH_INDEXES = ['diagnoses_ticket', 'quote_lines_quote', 'authorizations_ticket', 'time_logs_ticket', 'time_logs_user', 'time_logs_running', 'qc_results_ticket'];

export const benchSeedStep: SeedStep = {
  name: 'bench (diagnoses, quotes, authorizations, QC, time)',
  run(ctx: SeedContext) {
    const { sqlite } = ctx;
    const cov = seedCoverage(sqlite);
    const role = (r: string) => ctx.users.find((u) => u.role === r)?.id ?? null;
    const admin = role('admin');
    const counter = role('counter') ?? admin;
    const manager = role('manager') ?? admin;
    const startMs = ctx.endMs - ctx.spanDays * 86_400_000;
    const nowMs = ctx.endMs;
    // The work tables below are large on a big shop: give them a cache like the main database's.
    sqlite.pragma('temp.cache_size = -400000');

    // ---- the price list ----
    const priceIds = new Map<string, string>();
    const insPrice = sqlite.prepare(
      `INSERT INTO price_list_items (id, code, kind, name_zh, name_en, category, price_fen, diagnosis_fee, active, source, updated_at, updated_by)
       VALUES (@id, @code, @kind, @name_zh, @name_en, @category, @price_fen, @diagnosis_fee, @active, @source, @updated_at, @updated_by)`,
    );
    sqlite.transaction(() => {
      PRICE_LIST.forEach((item, i) => {
        const id = ctx.idAt(startMs - 86_400_000 + i);
        priceIds.set(item.code, id);
        insPrice.run(
          toPriceRow(id, { ...item, diagnosisFee: 'diagnosisFee' in item && item.diagnosisFee, active: true }, { source: 'local', updatedAt: new Date(startMs - 86_400_000).toISOString(), updatedBy: admin }),
        );
      });
    })();

    // ---- lookup tables: labor per (category, fault), warranty parts, causes, line decisions ----
    for (const t of WORK_TABLES) sqlite.exec(`DROP TABLE IF EXISTS temp.${t}`);
    sqlite.exec(`
      CREATE TEMP TABLE li (n INTEGER PRIMARY KEY, id TEXT, code TEXT, name TEXT, price INTEGER);
      CREATE TEMP TABLE lab (category TEXT, fault TEXT, li INTEGER, price INTEGER, PRIMARY KEY (category, fault)) WITHOUT ROWID;
      CREATE TEMP TABLE wpm (category TEXT, part_category TEXT, wpart TEXT, period TEXT, PRIMARY KEY (category, part_category)) WITHOUT ROWID;
      CREATE TEMP TABLE tpl (category TEXT, wpart TEXT, outcome TEXT, status TEXT, coverage TEXT, reasons TEXT, PRIMARY KEY (category, wpart, outcome)) WITHOUT ROWID;
      CREATE TEMP TABLE cause (fault TEXT PRIMARY KEY, text TEXT, performance INTEGER) WITHOUT ROWID;
      CREATE TEMP TABLE qct (grp TEXT PRIMARY KEY, pass TEXT, pass_na TEXT, fail TEXT, fail_reason TEXT) WITHOUT ROWID;
    `);
    const insLi = sqlite.prepare(`INSERT INTO li VALUES (?, ?, ?, ?, ?)`);
    const insLab = sqlite.prepare(`INSERT INTO lab VALUES (?, ?, ?, ?)`);
    const insWpm = sqlite.prepare(`INSERT INTO wpm VALUES (?, ?, ?, ?)`);
    const insTpl = sqlite.prepare(`INSERT INTO tpl VALUES (?, ?, ?, ?, ?, ?)`);
    const insCause = sqlite.prepare(`INSERT OR IGNORE INTO cause VALUES (?, ?, ?)`);
    const insQct = sqlite.prepare(`INSERT INTO qct VALUES (?, ?, ?, ?, ?)`);
    const texts = (r: Reason, policy: Parameters<typeof formatReason>[2]) =>
      JSON.stringify(Object.fromEntries((['zh-CN', 'en'] as Locale[]).map((l) => [l, [formatReason(r, l, policy)]])));
    /** Price list items by a small number, for the work tables. */
    const itemNo = (code: string) => PRICE_LIST.findIndex((p) => p.code === code) + 1;
    sqlite.transaction(() => {
      for (const item of PRICE_LIST) insLi.run(itemNo(item.code), priceIds.get(item.code), item.code, item.nameZh, item.priceFen);
      for (const category of DEVICE_CATEGORIES) {
        for (const fault of COMMON_FAULTS[category] ?? []) {
          const code = laborCode(category, fault);
          insLab.run(category, fault, itemNo(code), PRICE_LIST.find((p) => p.code === code)!.priceFen);
          insCause.run(fault, CAUSES[fault] ?? '经检测确认故障，需更换配件', DAMAGE_FAULTS.has(fault) ? 0 : 1);
        }
        const policy = cov.policies.get(category);
        if (!policy) {
          // No policy for the category: the engine cannot decide, every line is the customer's (quotes.ts decideLines).
          const failure = fieldError('category', 'warranty.error.noPolicy', { category }).toWire('zh-CN').message;
          insTpl.run(category, '', 'nodecision', 'not_covered', 'unit', both('bench.line.noDecision', { reason: failure }));
          continue;
        }
        const parts: [string, string | null][] = [['', null]];
        for (const [partCategory, wpart] of Object.entries(WARRANTY_PARTS[category] ?? {})) {
          const rule = policy.mainParts.find((p) => p.id === wpart);
          if (!rule) continue;
          insWpm.run(category, partCategory, wpart, periodCode(rule.period));
          parts.push([wpart, periodCode(rule.period)]);
        }
        for (const [wpart, period] of parts) {
          const part = wpart || 'unit';
          const coverage = wpart ? 'main_part' : 'unit';
          const end = '{end}';
          insTpl.run(category, wpart, 'covered', 'covered', coverage, texts({ code: wpart ? 'mainPartCovered' : 'covered', params: { part, end } }, policy));
          insTpl.run(category, wpart, 'expired', 'not_covered', coverage, texts({ code: 'partExpired', params: { part, period: period ?? periodCode(policy.unitPeriod), end } }, policy));
          insTpl.run(category, wpart, 'excluded', 'not_covered', coverage, texts({ code: 'excluded', params: { finding: 'impact' } }, policy));
          insTpl.run(category, wpart, 'nostart', 'not_covered', coverage, texts({ code: 'noStartDate', params: {} }, policy));
        }
      }
      insTpl.run('', '', 'fee', 'not_covered', 'unit', both('bench.line.fee'));
      insTpl.run('', '', 'custom', 'not_covered', 'unit', both('bench.line.custom'));
      for (const grp of ['handheld', 'computer', 'appliance']) {
        const list = qcChecklist(grp === 'handheld' ? 'phone' : grp === 'computer' ? 'laptop' : 'refrigerator');
        const answers = (f: (k: string) => string) => JSON.stringify(Object.fromEntries(list.map((k) => [k, f(k)])));
        const [failItem, failReason] = QC_FAIL[grp]!;
        insQct.run(grp, answers(() => 'pass'), answers((k) => (k === 'biometrics' || k === 'noise_vibration' || k === 'wireless' ? 'na' : 'pass')), answers((k) => (k === failItem ? 'fail' : 'pass')), failReason);
      }
    })();
    // The policy's end dates, computed as the engine does (memoized per start and period).
    sqlite.function('seed_end', { deterministic: true }, (start: unknown, period: unknown) => (typeof start === 'string' ? cov.end(start, String(period)) : null));
    sqlite.function('seed_start', { deterministic: true }, (category: unknown, proof: unknown, sale: unknown, factory: unknown) =>
      cov.start(String(category), String(proof), (sale as string | null) ?? null, (factory as string | null) ?? null),
    );
    const unitPeriod = periodCode({ n: 1, unit: 'year' });
    for (const p of cov.policies.values()) if (periodCode(p.unitPeriod) !== unitPeriod) throw new Error(`seed assumes a 1-year unit period (${p.id})`);

    // Secondary indexes off for the bulk load, built once at the end.
    const indexSql = BENCH_INDEXES.map((i) => (sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`).get(i) as { sql: string } | undefined)?.sql).filter(
      (x): x is string => !!x,
    );
    for (const i of BENCH_INDEXES) sqlite.exec(`DROP INDEX IF EXISTS ${i}`);
    // Every reference below is to a row read from the database a moment before (the test checks them).
    sqlite.pragma('foreign_keys = OFF');

    // Each device's whole-unit period and main-part period (one per category's policy), as the engine computes them.
    const mainPeriod = new Map<string, string>();
    for (const r of sqlite.prepare(`SELECT category, period FROM wpm`).all() as { category: string; period: string }[]) {
      if (mainPeriod.has(r.category) && mainPeriod.get(r.category) !== r.period) throw new Error(`seed assumes one main-part period per category (${r.category})`);
      mainPeriod.set(r.category, r.period);
    }
    sqlite.exec(`
      CREATE TEMP TABLE dc (id TEXT PRIMARY KEY, start TEXT, unit_end TEXT, main_end TEXT) WITHOUT ROWID;
      WITH s AS MATERIALIZED (SELECT id, category, seed_start(category, proof_kind, invoice_date, factory_date) AS start FROM devices)
      INSERT INTO dc SELECT id, start, seed_end(start, '${unitPeriod}'),
        CASE category ${[...mainPeriod].map(([c, p]) => `WHEN '${c}' THEN seed_end(start, '${p}')`).join(' ')} END
      FROM s;
    `);

    // ---- each ticket's status events, folded: when it entered and left each stage, and by whom ----
    const at = (cond: string) => `min(CASE WHEN ${cond} THEN at END)`;
    const atUser = (agg: 'min' | 'max', cond: string) => `${agg}(CASE WHEN ${cond} THEN at || '|' || to_status || '|' || coalesce(user_id, '') END)`;
    sqlite.exec(`
      CREATE TEMP TABLE ev AS SELECT ticket_id AS tid,
        ${atUser('min', `to_status = 'diagnosing'`)} AS d,
        ${atUser('min', `from_status = 'diagnosing'`)} AS l,
        ${at(`to_status = 'awaiting_approval'`)} AS a_at,
        ${at(`from_status = 'awaiting_approval'`)} AS r_at,
        ${at(`to_status = 'repairing'`)} AS rep1_at,
        ${at(`from_status = 'repairing'`)} AS rep1_end,
        ${at(`to_status = 'awaiting_parts'`)} AS ap_at,
        ${at(`from_status = 'awaiting_parts' AND to_status = 'repairing'`)} AS rep2_at,
        ${at(`from_status = 'repairing' AND to_status = 'qc'`)} AS q1_in,
        max(CASE WHEN from_status = 'repairing' AND to_status = 'qc' THEN at END) AS q2_in,
        ${at(`from_status = 'qc' AND to_status = 'repairing'`)} AS rw_at,
        ${atUser('min', `from_status = 'qc'`)} AS qo1,
        ${atUser('max', `from_status = 'qc'`)} AS qo2,
        sum(from_status = 'qc') AS nq,
        ${at(`to_status = 'ready'`)} AS ready_at,
        max(CASE WHEN from_status = 'repairing' AND to_status IN ('qc', 'ready') AND user_id IS NOT NULL THEN at || user_id END) AS credit
      FROM ticket_events WHERE to_status IS NOT NULL GROUP BY ticket_id HAVING d IS NOT NULL;
    `);
    ctx.log('bench: events folded');

    // Parts issued to each ticket (issues less returns), from the stock ledger, with their catalog
    // rows, one ticket after another in catalog order (the quote's order): a ticket's parts are the
    // rowids r0 … r0 + n - 1 (ipt, with the first issue of any of them).
    sqlite.exec(`
      CREATE TEMP TABLE ip AS SELECT g.tid, g.part_id, g.qty, ${ms('g.first_at')} AS first_ms, p.sku, p.name_zh, p.list_price, p.category AS part_category
      FROM (
        SELECT m.ticket_id AS tid, m.part_id, -sum(m.qty) AS qty, min(CASE WHEN m.kind = 'issue' THEN m.at END) AS first_at
        FROM stock_movements m INDEXED BY stock_movements_report WHERE m.ticket_id IS NOT NULL AND m.kind IN ('issue', 'return')
        GROUP BY m.part_id, m.ticket_id HAVING -sum(m.qty) > 0 ORDER BY 1, 2
      ) g CROSS JOIN parts p ON p.id = g.part_id;
      CREATE TEMP TABLE ipt AS SELECT tid, min(rowid) AS r0, count(*) AS n, min(first_ms) AS first_any FROM ip GROUP BY tid;
      CREATE INDEX temp.ipt_tid ON ipt(tid);
    `);

    // ---- the tickets that went past diagnosis (quoted), with their facts and a stored die ----
    // The warranty decision of a line on the whole unit, and of one naming a main part (on the
    // later of that part's period and the unit's); the amounts of the parts each decision covers.
    const decision = (end: string) =>
      `CASE WHEN NOT x.has_policy THEN 'nodecision' WHEN x.start IS NULL THEN 'nostart' WHEN x.impact THEN 'excluded' WHEN x.today <= ${end} THEN 'covered' ELSE 'expired' END`;
    const partsSum = (main: boolean) =>
      `coalesce((SELECT sum(ip.qty * ip.list_price) FROM ip LEFT JOIN wpm ON wpm.category = d.category AND wpm.part_category = ip.part_category
        WHERE ip.rowid BETWEEN pc.r0 AND pc.r0 + pc.n - 1 AND wpm.wpart IS ${main ? 'NOT ' : ''}NULL), 0)`;
    sqlite.exec(`
      CREATE TEMP TABLE bt AS SELECT x.*, x.has_policy = 1 AND x.start IS NOT NULL AND x.impact = 0 AND x.today <= x.unit_end AS eligible,
        ${decision('x.unit_end')} AS unit_outcome, ${decision('max(x.unit_end, x.main_end)')} AS main_outcome
      FROM (
        SELECT t.id AS tid, t.number, t.customer_id, d.category, coalesce(json_extract(t.fault_codes_json, '$[0]'), '') AS fault,
          t.findings_json LIKE '%"impact"%' AS impact, date(t.received_at, '+8 hours') AS today,
          d.category IN (${[...cov.policies.keys()].map((c) => `'${c}'`).join(', ')}) AS has_policy,
          dc.start, dc.unit_end, dc.main_end, lab.li AS labor_li, lab.price AS labor_fen,
          ${ms('substr(e.d, 1, 24)')} AS d_ms, substr(e.d, 26 + length('diagnosing') + 1) AS d_user,
          ${ms('substr(e.l, 1, 24)')} AS l_ms, substr(e.l, 26 + instr(substr(e.l, 26), '|')) AS l_user,
          e.a_at IS NOT NULL AS paid, ${ms('e.a_at')} AS a_ms, ${ms('e.r_at')} AS r_ms,
          ${ms('e.rep1_at')} AS rep1_ms, ${ms('e.rep1_end')} AS rep1_end_ms, ${ms('e.rep2_at')} AS rep2_ms,
          ${ms('e.q1_in')} AS q1_ms, ${ms('e.q2_in')} AS q2_ms, ${ms('e.rw_at')} AS rw_ms,
          e.qo1, e.qo2, e.nq,
          coalesce(substr(e.credit, 25), t.technician_id) AS tech,
          coalesce(pc.n, 0) AS parts, pc.r0, pc.first_any, pl.first_ms AS partn_ms,
          ${partsSum(false)} AS unit_parts_fen, ${partsSum(true)} AS main_parts_fen,
          coalesce(pl.qty * pl.list_price, 0) AS last_fen, wl.wpart IS NOT NULL AS last_main,
          abs(random()) AS rnd
        FROM ev e CROSS JOIN tickets t ON t.id = e.tid JOIN devices d ON d.id = t.device_id JOIN dc ON dc.id = d.id
          JOIN lab ON lab.category = d.category AND lab.fault = coalesce(json_extract(t.fault_codes_json, '$[0]'), '')
          LEFT JOIN ipt pc ON pc.tid = e.tid LEFT JOIN ip pl ON pl.rowid = pc.r0 + pc.n - 1
          LEFT JOIN wpm wl ON wl.category = d.category AND wl.part_category = pl.part_category
        WHERE e.l IS NOT NULL AND e.l NOT LIKE '%|cancelled|%'
      ) x;
      CREATE INDEX temp.bt_tid ON bt(tid);
    `);
    ctx.log('bench: tickets picked');
    /** Independent dice 0–999 from the ticket's stored random number (stable wherever the expression is repeated). */
    const die = (b: string, i: number) => `(${b}.rnd / ${10 ** (3 * i)} % 1000)`;
    /**
     * How many versions a ticket's quote has: cov2, a covered repair finds its parts at the bench
     * (v2 adds them, still covered); aa2, the customer asked for a change before approving (v1 had
     * an extra the customer declined); cap2, a part found during the repair (v2 adds the last),
     * within the cap the customer pre-approved; one, the rest.
     */
    const vkind = (b: string) => `(CASE WHEN ${b}.paid = 0 AND ${b}.parts > 0 AND ${die(b, 0)} < 120 THEN 'cov2'
      WHEN ${b}.paid = 1 AND ${b}.r_ms IS NOT NULL AND ${die(b, 0)} < 50 THEN 'aa2'
      WHEN ${b}.paid = 1 AND ${b}.r_ms IS NOT NULL AND ${b}.parts > 0 AND ${die(b, 0)} < 100 THEN 'cap2' ELSE 'one' END)`;

    // ---- quote versions: v1 at the move out of diagnosing, v2 for some; what each holds and its totals ----
    // A version's lines, in order: labor, its parts (catalog order), the rush fee of a covered
    // repair the customer wanted sooner (the one thing they pay, so it waits for approval), the
    // declined extra (aa2's v1).
    const policyOf = (field: 'id' | 'version') =>
      `CASE b.category ${[...cov.policies].map(([c, p]) => `WHEN '${c}' THEN '${p[field]}'`).join(' ')} END`;
    const rush = PRICE_LIST.find((p) => p.code === 'FEE-RUSH')!.priceFen;
    sqlite.exec(`
      CREATE TEMP TABLE qt AS SELECT d.*, d.customer - d.discount AS total, 1 + d.nparts + d.fee + d.extra AS slots FROM (
        SELECT c.*,
          CASE WHEN c.vkind <> 'one' OR c.customer = 0 THEN 0 WHEN c.dd < 60 THEN c.customer * 3 / 10000 * 100 WHEN c.dd < 70 THEN c.customer / 1000 * 100 ELSE 0 END AS discount,
          CASE WHEN c.vkind <> 'one' OR c.customer = 0 THEN '' WHEN c.dd < 60 THEN '老顾客优惠' WHEN c.dd < 70 THEN '店长特批优惠' ELSE '' END AS discount_reason,
          -- above the shop's 5 % a manager approves it
          CASE WHEN c.vkind = 'one' AND c.customer > 0 AND c.dd >= 60 AND c.dd < 70 THEN '${manager}' END AS discount_by
        FROM (
          SELECT y.*, y.subtotal - y.maker AS customer FROM (
            SELECT w.*,
              (w.unit_outcome = 'covered') * (w.labor_fen + w.unit_parts_fen - CASE WHEN w.drop_last AND NOT w.last_main THEN w.last_fen ELSE 0 END)
                + (w.main_outcome = 'covered') * (w.main_parts_fen - CASE WHEN w.drop_last AND w.last_main THEN w.last_fen ELSE 0 END) AS maker,
              w.labor_fen + w.unit_parts_fen + w.main_parts_fen - CASE WHEN w.drop_last THEN w.last_fen ELSE 0 END + w.fee * ${rush} + w.extra * ${EXTRA.priceFen} AS subtotal
            FROM (
              SELECT v.*, b.rowid AS k, b.tid, b.l_user AS by_user, ${idOf('v.at_ms', '256 + v.version', 'b.tid')} AS qid, ${die('b', 2)} AS dd,
                b.labor_li, b.labor_fen, b.r0, b.unit_outcome, b.main_outcome, b.unit_end, b.main_end, b.category,
                CASE WHEN v.vkind = 'cov2' AND v.version = 1 THEN 0 WHEN v.vkind = 'cap2' AND v.version = 1 THEN b.parts - 1 ELSE b.parts END AS nparts,
                v.vkind = 'cap2' AND v.version = 1 AS drop_last,
                b.paid = 1 AND b.eligible AS fee, v.vkind = 'aa2' AND v.version = 1 AS extra,
                CASE WHEN v.vkind = 'cov2' AND v.version = 1 THEN 0 ELSE b.unit_parts_fen END AS unit_parts_fen,
                CASE WHEN v.vkind = 'cov2' AND v.version = 1 THEN 0 ELSE b.main_parts_fen END AS main_parts_fen, b.last_fen, b.last_main,
                CASE WHEN ${die('b', 3)} % 10 < 4 THEN ${localDate(`v.at_ms + (2 + ${die('b', 3)} % 4) * 86400000`)} END AS estimated,
                CASE WHEN b.has_policy THEN ${policyOf('id')} END AS policy_id, CASE WHEN b.has_policy THEN ${policyOf('version')} END AS policy_version
              FROM (
                SELECT rowid AS bk, 1 AS version, l_ms AS at_ms, ${vkind('bt')} AS vkind FROM bt
                UNION ALL
                SELECT rowid, 2, CASE ${vkind('bt')}
                    WHEN 'aa2' THEN a_ms + (r_ms - a_ms) * (200 + ${die('bt', 1)} % 600) / 1000
                    -- just before the parts it adds are issued (cov2: the first issue, cap2: the part's), during the repair
                    ELSE max(rep1_ms + 60000, CASE ${vkind('bt')} WHEN 'cov2' THEN first_any ELSE partn_ms END - (5 + ${die('bt', 1)} % 25) * 60000) END,
                  ${vkind('bt')}
                FROM bt WHERE ${vkind('bt')} <> 'one'
                ORDER BY 1, 2
              ) v CROSS JOIN bt b ON b.rowid = v.bk
            ) w
          ) y
        ) c
      ) d;
      CREATE INDEX temp.qt_k ON qt(k, version);

      INSERT INTO quotes (id, ticket_id, version, subtotal_fen, customer_fen, maker_fen, shop_fen, extended_warranty_fen, insurer_fen, discount_fen,
        customer_total_fen, discount_reason, discount_approved_by, estimated_completion, note, policy_id, policy_version, created_at, created_by)
      SELECT qid, tid, version, subtotal, customer, maker, 0, 0, 0, discount, total, discount_reason, discount_by, estimated, '', policy_id, policy_version,
        ${iso('at_ms')}, by_user
      FROM qt;

      CREATE TEMP TABLE seq (i INTEGER PRIMARY KEY);
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < (SELECT max(slots) FROM qt)) INSERT INTO seq SELECT i FROM n;
    `);
    // Each version's lines, slot by slot in order (so in id order): what the slot holds, its amount and decision.
    const outcome = `CASE x.kind WHEN 'labor' THEN x.unit_outcome WHEN 'part' THEN CASE WHEN w.wpart IS NULL THEN x.unit_outcome ELSE x.main_outcome END ELSE x.kind END`;
    const lineEnd = `CASE WHEN x.kind = 'labor' OR (x.kind = 'part' AND w.wpart IS NULL) THEN CASE WHEN x.unit_outcome IN ('covered', 'expired', 'excluded') THEN x.unit_end END
      WHEN x.kind = 'part' THEN CASE WHEN x.main_outcome IN ('covered', 'expired', 'excluded') THEN max(x.unit_end, x.main_end) END END`;
    const amount = `coalesce(ip.qty * ip.list_price, li.price, ${EXTRA.priceFen})`;
    sqlite.exec(`
      INSERT INTO quote_lines (id, quote_id, position, kind, price_item_id, part_id, sku, description, reason, qty, unit_price_fen, amount_fen, warranty_part,
        customer_fen, maker_fen, shop_fen, extended_warranty_fen, insurer_fen, status, coverage, end_date, reasons_json)
      SELECT ${idOf('x.at_ms', '512 + x.i', 'x.tid')}, x.qid, x.i, x.kind, li.id, ip.part_id, coalesce(ip.sku, li.code),
        CASE x.kind WHEN 'part' THEN ip.name_zh WHEN 'custom' THEN '${EXTRA.name}' ELSE li.name END, '',
        coalesce(ip.qty, 1), coalesce(ip.list_price, li.price, ${EXTRA.priceFen}), ${amount}, w.wpart,
        CASE WHEN ${outcome} = 'covered' THEN 0 ELSE ${amount} END, CASE WHEN ${outcome} = 'covered' THEN ${amount} ELSE 0 END, 0, 0, 0,
        tpl.status, tpl.coverage, ${lineEnd}, replace(tpl.reasons, '{end}', coalesce(${lineEnd}, ''))
      FROM (
        SELECT q.qid, q.tid, q.at_ms, q.category, q.unit_outcome, q.main_outcome, q.unit_end, q.main_end, s.i,
          CASE WHEN s.i = 1 THEN 'labor' WHEN s.i <= 1 + q.nparts THEN 'part' WHEN s.i = 2 + q.nparts AND q.fee THEN 'fee' ELSE 'custom' END AS kind,
          CASE WHEN s.i > 1 AND s.i <= 1 + q.nparts THEN q.r0 + s.i - 2 END AS ipr,
          CASE WHEN s.i = 1 THEN q.labor_li WHEN s.i = 2 + q.nparts AND q.fee THEN ${itemNo('FEE-RUSH')} END AS lin
        FROM qt q CROSS JOIN seq s ON s.i <= q.slots
      ) x
        LEFT JOIN ip ON ip.rowid = x.ipr LEFT JOIN li ON li.n = x.lin LEFT JOIN wpm w ON w.category = x.category AND w.part_category = ip.part_category
        CROSS JOIN tpl ON tpl.category = CASE WHEN x.kind IN ('fee', 'custom') THEN '' ELSE x.category END AND tpl.wpart = coalesce(w.wpart, '') AND tpl.outcome = ${outcome};
    `);
    ctx.log('bench: quotes written');

    // ---- diagnoses: recorded in the diagnosing spell, naming the parts of the first quote ----
    sqlite.exec(`
      CREATE TEMP TABLE pn AS SELECT ip.tid, json_group_array(json_object('partId', ip.part_id, 'description', ip.name_zh, 'qty', ip.qty)) AS parts
        FROM bt b JOIN ip ON ip.rowid BETWEEN b.r0 AND b.r0 + b.parts - 1
        WHERE ${vkind('b')} <> 'cov2' AND NOT (${vkind('b')} = 'cap2' AND ip.rowid = b.r0 + b.parts - 1) GROUP BY b.rowid;
      CREATE INDEX temp.pn_tid ON pn(tid);
      INSERT INTO diagnoses (id, ticket_id, cause, notes, findings_json, performance_fault, parts_needed_json, photo_ids_json, created_at, created_by)
      SELECT ${idOf('b.dm', 0xd1, 'b.tid')}, b.tid, coalesce(c.text, '经检测确认故障，需更换配件'), '', '[]', coalesce(c.performance, 0),
        coalesce(pn.parts, '[]'), '[]', ${iso('b.dm')}, b.d_user
      FROM (SELECT tid, fault, d_user, d_ms + (l_ms - d_ms) * (300 + ${die('bt', 4)} % 400) / 1000 AS dm FROM bt) b
        LEFT JOIN cause c ON c.fault = b.fault LEFT JOIN pn ON pn.tid = b.tid;
    `);

    // ---- authorizations: the covered repair's intake consent, or the customer's approval at the move to repairing ----
    const sha = crypto.createHash('sha256').update(PNG).digest('hex');
    sqlite.exec(`
      CREATE TEMP TABLE au AS SELECT b.tid, b.number, b.customer_id, b.l_user, ${die('b', 5)} AS dw, q.qid, q.version, q.total,
        CASE WHEN b.paid THEN b.r_ms ELSE b.l_ms END AS at_ms,
        CASE WHEN NOT b.paid THEN 'intake_consent' WHEN ${die('b', 3)} < 500 THEN 'phone' WHEN ${die('b', 3)} < 850 THEN 'signature' ELSE 'paper' END AS method,
        CASE WHEN NOT b.paid THEN NULL
             WHEN ${vkind('b')} = 'cap2' THEN ((SELECT total FROM qt q2 WHERE q2.k = b.rowid AND q2.version = 2) + 9999) / 10000 * 10000 + 10000
             WHEN ${die('b', 5)} < 80 THEN (q.total + 9999) / 10000 * 10000 + 20000 END AS cap
      FROM bt b JOIN qt q ON q.k = b.rowid AND q.version = CASE WHEN ${vkind('b')} = 'aa2' THEN 2 ELSE 1 END
      WHERE NOT b.paid OR b.r_ms IS NOT NULL;
    `);
    // Every generated signature is the same picture: one blob, many attachments (content-addressed).
    sqlite.prepare(`INSERT OR IGNORE INTO attachment_blobs (sha256, size, bytes) VALUES (?, ?, ?)`).run(sha, PNG.length, PNG);
    sqlite
      .prepare(
        `INSERT INTO attachments (id, ticket_id, name, mime, size, sha256, caption, created_at, created_by)
         SELECT ${idOf('at_ms', 0xa01, 'tid')}, tid,
           CASE method WHEN 'signature' THEN 'signature-' || number || '-v' || version || '.png' ELSE 'quote-signed-' || number || '-v' || version END,
           'image/png', ?, ?, CASE method WHEN 'signature' THEN 'signature' ELSE 'signed_quote' END, ${iso('at_ms')}, ?
         FROM au WHERE method IN ('signature', 'paper')`,
      )
      .run(PNG.length, sha, counter);
    sqlite
      .prepare(
        `INSERT INTO authorizations (id, ticket_id, quote_id, decision, method, total_fen, cap_fen, signer_name, attachment_id, phone_number, called_at,
           customer_words, fee_fen, fee_waived_by, note, recorded_at, recorded_by)
         SELECT ${idOf('a.at_ms', 0xa02, 'a.tid')}, a.tid, a.qid, 'approved', a.method, a.total, a.cap,
           CASE WHEN a.method = 'intake_consent' THEN '' ELSE c.name END,
           CASE WHEN a.method IN ('signature', 'paper') THEN ${idOf('a.at_ms', 0xa01, 'a.tid')} END,
           CASE WHEN a.method <> 'phone' THEN '' WHEN p.kind = 'mobile' THEN substr(p.e164, 4) ELSE '0' || substr(p.e164, 4) END,
           CASE WHEN a.method = 'phone' THEN ${iso('a.at_ms - (1 + a.dw % 15) * 60000')} END,
           CASE WHEN a.method <> 'phone' THEN '' ELSE CASE a.dw % 4 WHEN 0 THEN '同意维修，按报价来' WHEN 1 THEN '可以，修吧' WHEN 2 THEN '同意，尽快修好' ELSE '好的，按这个价格修' END END,
           0, NULL, '', ${iso('a.at_ms')}, CASE WHEN a.method = 'intake_consent' THEN a.l_user ELSE ? END
         FROM au a JOIN customers c ON c.id = a.customer_id LEFT JOIN customer_phones p ON p.customer_id = a.customer_id AND p.position = 0`,
      )
      .run(counter);
    ctx.log('bench: authorizations written');

    // ---- QC results at each move out of QC (pass → ready, fail → back to repairing), by whoever moved it ----
    const qo = (col: string) => ({
      at: `substr(${col}, 1, 24)`,
      to: `substr(${col}, 26, instr(substr(${col}, 26), '|') - 1)`,
      user: `nullif(substr(${col}, 26 + instr(substr(${col}, 26), '|')), '')`,
    });
    const q1 = qo('qo1');
    const q2 = qo('qo2');
    sqlite.exec(`
      INSERT INTO qc_results (id, ticket_id, passed, items_json, data_handling, passcode_erased, fail_reason, checked_by, at)
      SELECT ${idOf(ms('x.at'), '3072 + x.k', 'x.tid')}, x.tid, x.passed,
        CASE WHEN NOT x.passed THEN q.fail WHEN x.dq % 2 = 0 THEN q.pass ELSE q.pass_na END,
        CASE WHEN x.dq % 25 = 0 THEN 'wiped' ELSE 'preserved' END, 0, CASE WHEN x.passed THEN '' ELSE q.fail_reason END, x.user, x.at
      FROM (
        SELECT tid, category, ${die('bt', 4)} AS dq, 1 AS k, ${q1.at} AS at, ${q1.to} = 'ready' AS passed, ${q1.user} AS user FROM bt WHERE qo1 IS NOT NULL
        UNION ALL
        SELECT tid, category, ${die('bt', 4)}, 2, ${q2.at}, ${q2.to} = 'ready', ${q2.user} FROM bt WHERE nq = 2
      ) x JOIN qct q ON q.grp = CASE WHEN x.category IN ('phone', 'tablet') THEN 'handheld' WHEN x.category IN ('laptop', 'desktop') THEN 'computer' ELSE 'appliance' END;
    `);

    // ---- time: the credited technician's work inside each repairing spell, and for some tickets the diagnosing one ----
    // k: 0 diagnosing, 1 repairing, 2 repairing again after waiting for parts, 3 rework after a failed QC.
    const spell = (k: number, s: string, e: string, where: string) =>
      `SELECT tid, tech, ${k} AS k, ${s} AS s, ${e} AS e, (rnd / ${[1, 7, 13, 29][k]}) % 1000 AS ra, (rnd / ${[1000, 3001, 7001, 9001][k]}) AS rb FROM bt WHERE ${where}`;
    sqlite.exec(`
      WITH x AS (
        ${spell(0, 'd_ms', 'l_ms', `${die('bt', 4)} % 10 < 4`)}
        UNION ALL ${spell(1, 'rep1_ms', `coalesce(rep1_end_ms, ${nowMs})`, 'rep1_ms IS NOT NULL')}
        UNION ALL ${spell(2, 'rep2_ms', `coalesce(q1_ms, ${nowMs})`, 'rep2_ms IS NOT NULL')}
        UNION ALL ${spell(3, 'rw_ms', `CASE WHEN q2_ms > rw_ms THEN q2_ms ELSE ${nowMs} END`, 'rw_ms IS NOT NULL')}
      ),
      -- minutes 15–60 diagnosing, 20–180 repairing, never more than the spell; then where in the spell
      z AS MATERIALIZED (SELECT x.*, min(CASE x.k WHEN 0 THEN 15 + x.ra % 46 ELSE 20 + x.ra % 161 END, (x.e - x.s) / 60000 - 1) AS mins FROM x
        WHERE x.tech IN (SELECT id FROM users WHERE role <> 'counter')),
      y AS MATERIALIZED (SELECT tid, tech, k, mins, s + rb % max(1, (e - s) - mins * 60000) AS st, ra % 10 < 3 AS entered FROM z WHERE mins >= 15)
      INSERT INTO time_logs (id, ticket_id, user_id, started_at, ended_at, minutes, entered, note, created_at, created_by)
      SELECT ${idOf('y.st', '1792 + y.k', 'y.tid')}, y.tid, y.tech, ${iso('y.st')}, ${iso('y.st + y.mins * 60000')}, y.mins, y.entered,
        CASE WHEN y.entered THEN '补录工时' ELSE '' END, ${iso('CASE WHEN y.entered THEN y.st + y.mins * 60000 ELSE y.st END')}, y.tech
      FROM y ORDER BY y.tid, y.k;
    `);
    ctx.log('bench: QC and time written');

    // ---- the bench row of every ticket that reached diagnosis ----
    sqlite.exec(`
      INSERT INTO bench_tickets (ticket_id, priority, outcome, parts_expected, performance_fault, updated_at)
      SELECT e.tid, CASE abs(random()) % 50 WHEN 0 THEN 1 WHEN 1 THEN 1 WHEN 2 THEN 2 ELSE 0 END, CASE WHEN e.ready_at IS NOT NULL THEN 'repaired' END,
        CASE WHEN t.status = 'awaiting_parts' THEN date(e.ap_at, '+8 hours', '+' || (3 + abs(random()) % 8) || ' days') END,
        CASE WHEN b.tid IS NULL THEN 0 ELSE coalesce(c.performance, 0) END, t.status_at
      FROM ev e CROSS JOIN tickets t ON t.id = e.tid LEFT JOIN bt b ON b.tid = e.tid LEFT JOIN cause c ON c.fault = b.fault;
    `);

    for (const sql of indexSql) sqlite.exec(sql);
    sqlite.pragma('foreign_keys = ON');
    for (const t of WORK_TABLES) sqlite.exec(`DROP TABLE IF EXISTS temp.${t}`);
    const n = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n.toLocaleString('en');
    ctx.log(`bench: ${n('diagnoses')} diagnoses, ${n('quotes')} quotes (${n('quote_lines')} lines), ${n('authorizations')} authorizations, ${n('qc_results')} QC results, ${n('time_logs')} time logs`);
  },
};
