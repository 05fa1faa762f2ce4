/**
 * The console's figures and complaints: head office's reports (reports.ts, the shop's arithmetic
 * over the rows the shops synced) asked with the shop's own report input, and the complaints the
 * shops escalated, with personal data in their descriptions masked as in the device lookup.
 */
import type { EscalatedComplaint, NetworkReport } from '../../shared/hq-console/contract';
import type { ReportInput } from '../../shared/reports/schemas';
import type { Locale } from '../../shared/i18n/types';
import { maskPersonalData } from '../personal-data';
import { hqComplaints, hqReports } from '../reports';
import type { HqService } from '../service';
import { hqToday, responseFields, responsesOf } from './complaints';

export async function networkReport(service: HqService, input: ReportInput, locale: Locale, now: Date): Promise<NetworkReport> {
  const { filters } = input;
  return hqReports(service, { from: input.from, to: input.to, groupBy: input.groupBy, locale, ...filters }, now);
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
