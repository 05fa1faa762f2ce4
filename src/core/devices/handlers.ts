import { AppError } from '../../shared/api/errors';
import type { deviceProcedures } from '../../shared/devices/procedures';
import { deviceDateIssues } from '../../shared/devices/dates';
import type { Handlers } from '../api/context';
import { customerExists } from '../customers/store';
import { shopClock } from '../shop/clock';
import { prepared } from '../db/statements';
import { rowsWhere } from '../tickets/rows';
import { identityClash, insertDevice, loadDevice, ownersOf, recordOwner } from './store';

function failFields(fields: { path: string; key: string }[]): void {
  if (fields.length > 0) throw new AppError('VALIDATION', { fields });
}

export const deviceHandlers: Handlers<typeof deviceProcedures> = {
  async 'devices.create'(input, ctx) {
    const { today } = shopClock(ctx.sqlite, ctx.clock.now());
    const issues = deviceDateIssues(input, today, '');
    if (!customerExists(ctx.sqlite, input.ownerCustomerId)) issues.push({ path: 'ownerCustomerId', key: 'errors.NOT_FOUND' });
    const clash = identityClash(ctx.sqlite, input, null);
    if (clash) issues.push({ path: clash.field, key: 'devices.error.alreadyRegistered' });
    if (issues.length) throw new AppError('VALIDATION', { fields: issues, details: clash ? { existingDeviceId: clash.deviceId } : {} });
    const { ownerCustomerId, ...device } = input;
    const id = insertDevice(ctx, device, ownerCustomerId);
    await ctx.audit('devices.create', 'device', id, { owner: ownerCustomerId });
    return loadDevice(ctx.sqlite, id);
  },

  async 'devices.update'(input, ctx) {
    const before = loadDevice(ctx.sqlite, input.id);
    const next = {
      ...before,
      ...Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== undefined && k !== 'ownerCustomerId' && k !== 'proof')),
      proof: input.proof ? { invoiceNo: '', invoiceDate: null, seller: '', ...input.proof } : before.proof,
    } as typeof before;
    const { today } = shopClock(ctx.sqlite, ctx.clock.now());
    const issues = deviceDateIssues(next, today, '');
    if (!next.imei && !next.serial) issues.push({ path: 'imei', key: 'devices.error.identityRequired' });
    const clash = identityClash(ctx.sqlite, next, input.id);
    if (clash) issues.push({ path: clash.field, key: 'devices.error.alreadyRegistered' });
    if (input.ownerCustomerId && !customerExists(ctx.sqlite, input.ownerCustomerId)) issues.push({ path: 'ownerCustomerId', key: 'errors.NOT_FOUND' });
    failFields(issues);
    prepared(
      ctx.sqlite,
      `UPDATE devices SET category = ?, brand = ?, model = ?, imei = ?, imei2 = ?, serial = ?, colour = ?, purchase_date = ?, proof_kind = ?,
         invoice_no = ?, invoice_date = ?, seller = ?, factory_date = ?, purchase_price_fen = ?, updated_at = ? WHERE id = ?`,
    ).run(
      next.category,
      next.brand,
      next.model,
      next.imei || null,
      next.imei2 || null,
      next.serial || null,
      next.colour,
      next.purchaseDate,
      next.proof.kind,
      next.proof.kind === 'none' ? '' : next.proof.invoiceNo,
      next.proof.kind === 'none' ? null : next.proof.invoiceDate,
      next.proof.kind === 'none' ? '' : next.proof.seller,
      next.factoryDate,
      next.purchasePriceFen,
      ctx.nowIso(),
      input.id,
    );
    if (input.ownerCustomerId && input.ownerCustomerId !== before.ownerCustomerId) recordOwner(ctx, input.id, input.ownerCustomerId, null);
    const after = loadDevice(ctx.sqlite, input.id);
    const { createdAt: _a, updatedAt: _b, ...b } = before;
    const { createdAt: _c, updatedAt: _d, ...a } = after;
    await ctx.audit('devices.update', 'device', input.id, { before: b, after: a });
    return after;
  },

  async 'devices.get'(input, ctx) {
    return loadDevice(ctx.sqlite, input.id);
  },

  async 'devices.history'(input, ctx) {
    const device = loadDevice(ctx.sqlite, input.id);
    const clock = shopClock(ctx.sqlite, ctx.clock.now());
    return {
      device,
      owners: ownersOf(ctx.sqlite, input.id),
      tickets: rowsWhere(ctx.sqlite, clock, 't.device_id = ?', [input.id], 't.id DESC', 200),
    };
  },
};
