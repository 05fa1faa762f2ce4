/**
 * Collection's documents: the repair and settlement receipt and the warranty card rendered to
 * PDF (our path: build the definition from the model, barcode, embedded font, pdfmake) beside
 * pdfmake rendering the same definition directly, in the same run, on A5 and the 80 mm roll.
 */
import { performance } from 'node:perf_hooks';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderPdf } from '../src/core/documents/render';
import { code128Svg } from '../src/core/documents/barcode';
import { ensureFonts, fontDictionary } from '../src/core/documents/fonts';
import type { BuildOptions } from '../src/shared/documents';
import type { PageFormat } from '../src/shared/documents/settings';
import type { RepairReceiptModel, WarrantyCardModel } from '../src/shared/collection/document-models';
import { buildRepairReceipt } from '../src/shared/collection/repair-receipt';
import { buildWarrantyCard } from '../src/shared/collection/warranty-card';
import { measure, quantile, type BenchResult, type BenchSuite } from './lib';

const shop = { name: '华强北授权服务中心', address: '深圳市福田区华强北路 1008 号', phone: '0755-8300 1234', hotline: '400-830-0000' };
const parts = [{ name: 'Mate 60 主板', sku: 'HW-M60-MB', serials: ['MB2611000123'], removedSerial: 'MB2303998877', warrantyEnd: '2027-03-01' }];

export const sampleReceipt: RepairReceiptModel = {
  shop,
  ticketNumber: 'HQB1-2611-0042',
  receivedAt: '2026-11-20T02:13:00Z',
  collectedAt: '2026-11-23T09:41:00Z',
  customer: { name: '陈静', phone: '139 0013 9000' },
  device: '华为 Mate 60',
  deviceCode: '861234000000011',
  fault: '无法开机；进水后无法充电',
  cause: '主板供电芯片损坏，尾插氧化',
  outcome: '已修复',
  technician: '张工',
  counterStaff: '李前台',
  lines: [
    { description: '手机主板维修工时', qty: 1, unitPriceFen: 15000, amountFen: 15000, customerFen: 0, payerText: '厂家保修 ¥150.00', serials: [], removedSerial: null },
    { description: 'Mate 60 主板', qty: 1, unitPriceFen: 300000, amountFen: 300000, customerFen: 0, payerText: '厂家保修 ¥3,000.00', serials: ['MB2611000123'], removedSerial: 'MB2303998877' },
    { description: '尾插清洁', qty: 1, unitPriceFen: 5000, amountFen: 5000, customerFen: 5000, payerText: '', serials: [], removedSerial: null },
    { description: '加急费', qty: 1, unitPriceFen: 3000, amountFen: 3000, customerFen: 3000, payerText: '', serials: [], removedSerial: null },
  ],
  subtotalFen: 323000,
  payers: [{ label: '其中厂家保修', fen: 315000 }],
  customerDueFen: 8000,
  discountFen: 800,
  discountReason: '老顾客',
  totalFen: 7200,
  tax: { rateBp: 1300, netFen: 6372, taxFen: 828, pricesIncludeTax: true },
  depositFen: 5000,
  paidBeforeFen: 5000,
  paidNowFen: 2200,
  changeFen: 800,
  refundedFen: 0,
  balanceFen: 0,
  balanceReason: '',
  tenders: [{ label: '现金', amountFen: 2200, receivedFen: 3000, changeFen: 800, reference: '' }],
  parts,
  repairWarrantyUntil: '2027-02-21',
  repairWarrantyDays: 90,
  pickup: '本人（已核对手机后 4 位）',
  terms: ['请当面核对设备外观、功能及随机附件，离店后外观问题恕不受理。', '本单为维修结算凭证，请与保修卡一同保存。'],
};

export const sampleCard: WarrantyCardModel = {
  shop,
  ticketNumber: 'HQB1-2611-0042',
  customer: { name: '陈静', phone: '139 0013 9000' },
  device: { category: '手机', brandModel: '华为 Mate 60', imei: '861234000000011', imei2: '861234000000029', serial: null, purchaseDate: '2026-03-01', invoiceNo: 'INV-2026-0301', seller: '京东自营' },
  record: { sentIn: '2026-11-20', fault: '无法开机；进水后无法充电', cause: '主板供电芯片损坏，尾插氧化', done: ['手机主板维修工时', 'Mate 60 主板', '尾插清洁'], outcome: '已修复', parts, handedBack: '2026-11-23', technician: '张工' },
  repairWarranty: { days: 90, until: '2027-02-21' },
  statutory: { unitEnd: '2027-03-01', remainingDays: 98 },
  exclusions: [],
  unitVoided: false,
  exchange: null,
  terms: ['保修期内，同一故障经维修后复发，凭本卡免费维修。', '修理占用和待修时间不计入三包有效期。', '更换的配件保修至原保修期届满与配件自身保修期届满中较晚者。'],
};

const opts = (format: PageFormat): BuildOptions => ({ locale: 'zh-CN', format, reprint: false, printedAt: '2026-11-23T09:42:00Z', timeZone: 'Asia/Shanghai', currency: 'CNY', barcode: code128Svg });

async function pdfmakeAlone(build: () => TDocumentDefinitions, iterations: number, warmup: number) {
  const samples: number[] = [];
  for (let i = 0; i < iterations + warmup; i++) {
    const doc = build(); // untimed: pdfmake mutates the definition it is given
    pdfmake.setFonts(fontDictionary());
    const t0 = performance.now();
    await pdfmake.createPdf(doc).getBuffer();
    if (i >= warmup) samples.push(performance.now() - t0);
  }
  const sorted = samples.sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
}

export function collectionSuite(): BenchSuite {
  return {
    name: 'collection',
    async run(): Promise<BenchResult[]> {
      ensureFonts();
      const results: BenchResult[] = [];
      const docs = [
        ['repair receipt (维修结算单)', (f: PageFormat) => buildRepairReceipt(sampleReceipt, opts(f))],
        ['warranty card (保修卡)', (f: PageFormat) => buildWarrantyCard(sampleCard, opts(f))],
      ] as const;
      for (const [name, build] of docs) {
        for (const format of ['a5', 'receipt80'] as const) {
          const ours = await measure(() => renderPdf(build(format)), { iterations: 60, warmup: 8 });
          const base = await pdfmakeAlone(() => build(format), 60, 8);
          results.push({
            suite: 'collection',
            name: `${name} → PDF, ${format}, warm (build + barcode + render)`,
            unit: 'ms',
            median: ours.median,
            p95: ours.p95,
            baseline: { name: 'pdfmake createPdf().getBuffer() on the same definition', ...base },
            target: 'p95 < 150 ms',
            met: ours.p95 < 150,
          });
        }
      }
      return results;
    },
  };
}
