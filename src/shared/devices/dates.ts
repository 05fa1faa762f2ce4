/** Date rules of a device record that need "today" (the shop's), so zod alone cannot check them. */
export interface FieldIssue {
  path: string;
  key: string;
}

export function deviceDateIssues(
  d: { purchaseDate?: string | null; factoryDate?: string | null; proof?: { kind: string; invoiceDate?: string | null } },
  today: string,
  prefix: string,
): FieldIssue[] {
  const out: FieldIssue[] = [];
  const at = (p: string) => (prefix ? `${prefix}.${p}` : p);
  if (d.purchaseDate && d.purchaseDate > today) out.push({ path: at('purchaseDate'), key: 'devices.error.purchaseInFuture' });
  if (d.factoryDate && d.factoryDate > today) out.push({ path: at('factoryDate'), key: 'devices.error.factoryInFuture' });
  if (d.proof && d.proof.kind !== 'none' && d.proof.invoiceDate && d.proof.invoiceDate > today) {
    out.push({ path: at('proof.invoiceDate'), key: 'devices.error.invoiceInFuture' });
  }
  if (d.factoryDate && d.purchaseDate && d.factoryDate > d.purchaseDate) {
    out.push({ path: at('factoryDate'), key: 'devices.error.factoryAfterPurchase' });
  }
  return out;
}
