import { z } from 'zod';

/**
 * Every action the audit log records: a closed list, so each has its name in both languages (a
 * test checks the catalog against this enum) and no screen shows `collection.complete`.
 */
export const AUDIT_ACTIONS = [
  'setup.run', 'sync.enroll', 'shop.update',
  'auth.login', 'auth.pinSwitch', 'auth.failed', 'auth.lockedOut', 'auth.changePassword', 'auth.setPin',
  'users.create', 'users.update', 'users.resetPassword',
  'customers.create', 'customers.update', 'devices.create', 'devices.update',
  'tickets.revealPasscode', 'tickets.erasePasscode',
  'warranty.policy.save', 'warranty.policy.reset', 'warranty.calendar.save', 'warranty.program.add', 'warranty.program.remove',
  'bench.managerPinFailed', 'bench.discountApproved', 'bench.sanbaoApproved', 'bench.feeWaived',
  'priceList.create', 'priceList.update',
  'parts.create', 'parts.update', 'parts.import',
  'stock.adjust', 'stock.issueOverride', 'stock.loanerOverride', 'stock.shipmentConfirmed', 'stock.stocktakePosted',
  'collection.identityFailed', 'collection.complete', 'collection.approve', 'collection.refund', 'collection.void',
  'claims.setStatus', 'dailyClose.close', 'dailyClose.cash',
  'customer.messageConsent',
  'followUp.record', 'complaint.open', 'complaint.respond', 'complaint.resolve', 'complaint.accepted', 'complaint.rejected', 'complaint.reopenTicket',
  'reports.export',
  'backup.configure', 'backup.run', 'backup.restore',
] as const;
export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditActionSchema>;
