import { AppError } from '../../shared/api/errors';
import { messageConsentOf, recordMessageConsent, registerOptOutKind } from './consent';

registerOptOutKind();
import type { customerProcedures } from '../../shared/customers/procedures';
import { parseCnPhone } from '../../shared/customers/phone';
import type { Handlers } from '../api/context';
import { devicesOwnedBy } from '../devices/store';
import { shopClock } from '../shop/clock';
import { rowsWhere } from '../tickets/rows';
import { customerIdsByPhoneSuffix, customersWithPhones, insertCustomer, loadCustomer, parsePhones, summaries, updateCustomerRow } from './store';

export const customerHandlers: Handlers<typeof customerProcedures> = {
  async 'customers.create'(input, ctx) {
    const phones = parsePhones(input.phones);
    const dup = customersWithPhones(ctx.sqlite, phones.map((p) => p.e164), null);
    if (dup.length > 0 && !input.confirmDuplicate) return { customer: null, duplicateOf: dup };
    const id = insertCustomer(ctx, input);
    const customer = loadCustomer(ctx.sqlite, id);
    await ctx.audit('customers.create', 'customer', id, { name: customer.name, duplicateConfirmed: dup.length > 0 });
    return { customer, duplicateOf: [] };
  },

  async 'customers.update'(input, ctx) {
    const before = loadCustomer(ctx.sqlite, input.id);
    const phones = input.phones ? parsePhones(input.phones) : null;
    if (phones) {
      // Only numbers this customer did not have before can collide anew.
      const added = phones.map((p) => p.e164).filter((e) => !before.phones.some((b) => b.e164 === e));
      const dup = customersWithPhones(ctx.sqlite, added, input.id);
      if (dup.length > 0 && !input.confirmDuplicate) return { customer: null, duplicateOf: dup };
    }
    const { id, confirmDuplicate: _c, phones: _p, ...patch } = input;
    updateCustomerRow(ctx, id, patch, phones);
    const after = loadCustomer(ctx.sqlite, id);
    await ctx.audit('customers.update', 'customer', id, { before: auditView(before), after: auditView(after) });
    return { customer: after, duplicateOf: [] };
  },

  async 'customers.messageConsent'(input, ctx) {
    loadCustomer(ctx.sqlite, input.id);
    return messageConsentOf(ctx, input.id);
  },
  async 'customers.setMessageConsent'(input, ctx) {
    loadCustomer(ctx.sqlite, input.id);
    const locale = input.locale ?? messageConsentOf(ctx, input.id).locale;
    recordMessageConsent(ctx, { customerId: input.id, consent: input.consent, source: 'counter', locale });
    await ctx.audit('customer.messageConsent', 'customer', input.id, { consent: input.consent, locale });
    return messageConsentOf(ctx, input.id);
  },
  async 'customers.get'(input, ctx) {
    const customer = loadCustomer(ctx.sqlite, input.id);
    const clock = shopClock(ctx.sqlite, ctx.clock.now());
    return {
      customer,
      devices: devicesOwnedBy(ctx.sqlite, input.id),
      tickets: rowsWhere(ctx.sqlite, clock, 't.customer_id = ?', [input.id], 't.id DESC', 20),
    };
  },

  async 'customers.findByPhone'(input, ctx) {
    const whole = parseCnPhone(input.phone);
    const digits = whole ? whole.digits : input.phone.replace(/\D/g, '');
    if (digits.length < 4) throw new AppError('VALIDATION', { fields: [{ path: 'phone', key: 'customers.error.phoneDigits' }] });
    return summaries(ctx.sqlite, customerIdsByPhoneSuffix(ctx.sqlite, digits, input.limit));
  },
};

/** What the audit log keeps of a customer: the editable fields, not timestamps. */
function auditView(c: ReturnType<typeof loadCustomer>) {
  return { name: c.name, phones: c.phones.map((p) => p.e164), address: c.address, company: c.company, note: c.note, preferredContact: c.preferredContact };
}
