import { ALL_STAFF } from '../../shared/api/roles';
import { buildDeviceLabel } from '../../shared/documents/device-label';
import { buildIntakeReceipt } from '../../shared/documents/intake-receipt';
import { loadDeviceLabel, loadIntakeReceipt } from './intake';
import { registerDocument } from './registry';
import { DOC_FORMATS } from '../../shared/documents/settings';

let done = false;

/** The documents this package ships; later capabilities (quote, receipt, warranty card) add theirs the same way. */
export function registerBuiltInDocuments(): void {
  if (done) return;
  done = true;
  registerDocument('intake_receipt', {
    titleKey: 'documents.title.intake_receipt',
    formats: DOC_FORMATS.intake_receipt,
    roles: ['counter', 'manager', 'admin'],
    load: loadIntakeReceipt,
    build: buildIntakeReceipt,
    reference: (m) => m.ticketNumber,
  });
  registerDocument('device_label', {
    titleKey: 'documents.title.device_label',
    formats: DOC_FORMATS.device_label,
    roles: ALL_STAFF,
    load: (ctx, id) => loadDeviceLabel(ctx, id),
    build: buildDeviceLabel,
    reference: (m) => m.ticketNumber,
  });
}
