/**
 * The console's figures and complaints: head office's reports (reports.ts, the shop's arithmetic
 * over the projection of the rows the shops synced) asked with the shop's own report input and
 * the network's breakdowns (shop, region); the network dashboard, the drill-down and their
 * exports (network-figures/); the complaints the shops escalated, with personal data in their
 * descriptions masked as in the device lookup.
 */
import type { EscalatedComplaint } from '../../shared/hq-console/contract';
import { EXPORT_MAX_TICKETS, type ExportFile, type NetworkReport, type NetworkReportInput } from '../../shared/hq-console/figures';
import type { z } from 'zod';
import type { networkExportSchema } from '../../shared/hq-console/figures';
import type { Locale } from '../../shared/i18n/types';
import { t } from '../../shared/i18n/translate';
import { maskPersonalData } from '../personal-data';
import { hqComplaints, hqReports } from '../reports';
import type { HqService } from '../service';
import { drillSheet, reportSheets, sheetsFile } from '../network-figures/export';
import { networkDrill } from '../network-figures/queries';
import { hqToday, responseFields, responsesOf } from './complaints';

export async function networkReport(service: HqService, input: NetworkReportInput, locale: Locale, now: Date): Promise<NetworkReport> {
  const { filters } = input;
  return hqReports(service, { from: input.from, to: input.to, groupBy: input.groupBy, locale, ...filters }, now);
}

export async function networkExport(service: HqService, input: z.infer<typeof networkExportSchema>, locale: Locale, now: Date): Promise<ExportFile> {
  const r = input.report;
  const range = `${r.from} – ${r.to}`;
  if (input.drill) {
    const d = await networkDrill(service, { ...r, figure: input.drill.figure, groupKey: input.drill.groupKey, offset: 0, limit: 200 }, now, EXPORT_MAX_TICKETS);
    const title = `${t(locale, 'ui.hq.figures.sheet.tickets')} · ${t(locale, `reports.fig.${input.drill.figure}`)}`;
    return sheetsFile([drillSheet(d, locale)], title, range, input.format, locale, `network-tickets-${r.from}_${r.to}`, now);
  }
  const res = await networkReport(service, r, locale, now);
  return sheetsFile(reportSheets(res, locale), t(locale, 'ui.hq.section.figures'), range, input.format, locale, `network-${r.from}_${r.to}`, now);
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

export async function escalatedComplaints(service: HqService, view: 'escalated' | 'open' | 'all', now: Date): Promise<EscalatedComplaint[]> {
  const { complaints } = await hqComplaints(service, view, now);
  const responses = await responsesOf(service, complaints.map((c) => ({ shopId: text(c.shopId), id: text(c.id) })));
  const today = hqToday(service);
  return complaints.map((c) => ({
    shopId: text(c.shopId),
    shopCode: text(c.shopCode),
    shopName: text(c.shopName),
    id: text(c.id),
    number: text(c.number),
    category: text(c.category),
    severity: text(c.severity),
    status: text(c.status),
    escalation: text(c.escalation),
    description: maskPersonalData(text(c.description)).slice(0, 2000),
    openedAt: text(c.opened_at),
    respondBy: text(c.respond_by),
    resolveBy: text(c.resolve_by),
    escalatedAt: typeof c.escalated_at === 'string' ? c.escalated_at : null,
    overdue: c.overdue === true,
    ...responseFields(text(c.status), responses.get(`${text(c.shopId)}/${text(c.id)}`) ?? [], today),
  }));
}
