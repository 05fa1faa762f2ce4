import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog, catalogs } from '../../../src/shared/i18n/catalog';
import { LOCALES } from '../../../src/shared/i18n/types';
import { icuProblems, keyProblems, readSources, type Catalog } from './checks';

/**
 * Keys built at run time (`tickets.status.${s}`): each family is listed here, in review, so a new
 * built key is a decision; every other key must appear as a literal somewhere in src.
 */
const FAMILIES = [
  'audit.', 'audit.field.', 'bench.method.', 'bench.payer.', 'collection.claimStatus.', 'collection.export.', 'collection.kind.',
  'collection.outcome.', 'collection.tender.', 'collection.cash.kind.', 'customers.contact.', 'customers.phoneKind.', 'devices.category.',
  'devices.fault.', 'devices.proof.', 'documents.accessory.', 'documents.check.', 'documents.condition.',
  'documents.format.', 'documents.passcode.', 'documents.serviceType.', 'documents.status.', 'errors.', 'hq.refusal.',
  'reports.dim.', 'reports.fig.', 'reports.service.', 'reports.stage.', 'role.', 'search.match.', 'stock.grade.', 'stock.kind.',
  'stock.partKind.', 'stock.serialStatus.', 'status.step.', 'status.approval.', 'ui.tickets.consent.', 'ui.tickets.consent.source.', 'ui.tickets.consent.locale.', 'ui.messaging.state.', 'ui.messaging.provider.', 'ui.messaging.kind.', 'status.approval.paidBy.', 'status.approval.done.', 'sync.error.', 'sync.lookup.offline.', 'tickets.accessory.',
  'tickets.condition.', 'tickets.conditionState.', 'tickets.coverage.', 'tickets.event.', 'tickets.finding.',
  'tickets.passcode.', 'tickets.service.', 'tickets.status.', 'ui.about.transport.', 'ui.hq.audit.do.', 'ui.hq.role.',
  'ui.hq.section.', 'ui.hq.shops.col.', 'ui.hq.figures.col.', 'ui.hq.complaints.view.', 'ui.hq.claims.state.', 'ui.hq.claims.col.', 'ui.hq.claims.line.', 'ui.hq.claims.coverage.', 'ui.hq.claims.sanbaoOption.', 'ui.hq.claims.decision.', 'ui.hq.claims.submit.', 'ui.hq.claims.done.', 'ui.hq.payments.col.', 'ui.hq.complaints.col.', 'ui.hq.returns.view.', 'ui.hq.returns.col.', 'ui.hq.returns.state.', 'ui.hq.returns.line.', 'ui.hq.shops.state.', 'ui.backup.result.',
  'ui.backup.trigger.', 'ui.bench.action.', 'ui.bench.auth.method.', 'ui.bench.calls.', 'ui.bench.calls.col.', 'ui.bench.line.',
  'ui.bench.outcome.', 'ui.bench.payer.', 'ui.bench.price.kind.', 'ui.bench.priority.', 'ui.bench.qc.item.',
  'ui.bench.sanbao.', 'ui.bench.sanbao.exchangeFact.', 'ui.lang.', 'ui.lang.short.', 'ui.counter.intro.',
  'ui.printing.doc.', 'ui.printing.format.', 'ui.printing.status.', 'ui.reports.c.cat.', 'ui.reports.c.ch.',
  'ui.reports.c.esc.', 'ui.reports.c.ev.', 'ui.reports.c.sev.', 'ui.reports.c.st.', 'ui.reports.c.view.',
  'ui.reports.fu.status.', 'ui.reports.fu.view.', 'ui.section.', 'ui.stock.action.',
  'ui.stock.done.', 'ui.stock.oldParts.from.', 'ui.stock.oldParts.status.', 'ui.stock.source.',
  'ui.stock.stocktake.status.', 'ui.sync.nationwide.payment.', 'ui.warranty.confidence.', 'ui.warranty.regulation.',
  'ui.warranty.rule.', 'ui.warranty.source.', 'ui.warranty.unit.', 'ui.warranty.view.', 'ui.warranty.whatIf.lineType.',
  'ui.warranty.whatIf.outcome.', 'validation.', 'warranty.category.', 'warranty.finding.', 'warranty.option.',
  'warranty.part.', 'warranty.payer.', 'warranty.period.', 'warranty.reason.', 'warranty.rest.', 'warranty.scope.',
  'warranty.status.', 'recalls.action.', 'recalls.matchedBy.', 'ui.hq.recalls.state.', 'ui.hq.recalls.col.', 'ui.hq.devices.col.',
  'ui.hq.publishing.tab.', 'ui.hq.publishing.col.', 'ui.hq.publishing.kind.', 'ui.hq.publishing.state.', 'ui.hq.publishing.change.', 'ui.hq.publishing.field.', 'ui.hq.publishing.prices.col.',
  'ui.hq.pub.tab.', 'ui.hq.pub.program.kind.', 'ui.hq.pub.program.fee.', 'ui.hq.pub.users.col.',
];

const SRC = path.resolve(__dirname, '../../../src');

describe('i18n catalogs', () => {
  it('every key used in src exists in both languages, every key is used, every built key is a listed family', () => {
    expect(keyProblems(readSources(SRC), catalog, FAMILIES)).toEqual([]);
  });

  it('every message is ICU in both languages, with the same arguments, and English counts are plurals', () => {
    expect(icuProblems(catalog)).toEqual([]);
  });

  it('no key is defined by two catalogs (a later one would silently win)', () => {
    const owner = new Map<string, string>();
    const dupes: string[] = [];
    for (const [name, messages] of Object.entries(catalogs))
      for (const l of LOCALES)
        for (const k of Object.keys(messages[l])) {
          if (owner.has(k) && owner.get(k) !== name) dupes.push(`${k}: ${owner.get(k)} and ${name}`);
          owner.set(k, name);
        }
    expect(dupes).toEqual([]);
  });
});

describe('the catalog guard catches what it is for (scratch tree and catalog, never src)', () => {
  const catalogWith = (en: Record<string, string>, zh: Record<string, string> = {}): Catalog => ({
    'zh-CN': { ...catalog['zh-CN'], ...zh },
    en: { ...catalog.en, ...en },
  });

  it('a missing key, an unlisted built key, an unused key and a key in one language only', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fixpoint-i18n-guard-'));
    try {
      fs.writeFileSync(path.join(root, 'probe.tsx'), "export const a = (t: (k: string) => string, s: string) => [t('ui.common.typo'), t(`ui.common.${s}`)];\n");
      const problems = keyProblems([...readSources(SRC), ...readSources(root)], catalogWith({ 'ui.probe.unused': 'x', 'ui.probe.enOnly': 'y' }, { 'ui.probe.unused': '某' }), FAMILIES);
      expect(problems).toEqual([
        'probe.tsx: key "ui.common.typo" is not in both languages',
        'probe.tsx: key "ui.common.typo" is not in both languages',
        'probe.tsx: built key `ui.common.${…}` is not a listed family',
        'unused key ui.probe.unused',
        'unused key ui.probe.enOnly',
        'ui.probe.enOnly missing in zh-CN',
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('a broken message, arguments that differ, ICU quoting eating a placeholder, a bare count before a plural noun', () => {
    const problems = icuProblems(
      catalogWith(
        {
          'ui.probe.broken': '{n, plural, one {# day}',
          'ui.probe.args': 'Ticket {number}',
          'ui.probe.quoted': "Press '{key}' to go on",
          'ui.probe.bare': 'Wait {days} days',
        },
        { 'ui.probe.broken': '{n}天', 'ui.probe.args': '工单 {ticket}', 'ui.probe.quoted': '按 {key} 继续', 'ui.probe.bare': '等 {days} 天' },
      ),
    );
    expect(problems.map((p) => p.replace(/(is not an ICU message).*$/, '$1'))).toEqual([
      'ui.probe.broken (en) is not an ICU message',
      'ui.probe.quoted (en): ICU quoting changes the text',
      'ui.probe.args: arguments differ (ticket / number)',
      // quoted, '{key}' is text, not an argument
      'ui.probe.quoted: arguments differ (key / )',
      'ui.probe.bare: "{days} … days" needs a plural',
    ]);
  });
});
