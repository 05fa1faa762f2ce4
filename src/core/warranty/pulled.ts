import { programTermsSchema } from '../../shared/warranty/schemas';
import { registerPulledKind } from '../sync/pulled';
import { clearHqMark, setHqMark } from '../sync/hq-owned';

export const PROGRAM_KIND = 'warranty.program';
let done = false;

/**
 * Head office publishes its service programs as kind 'warranty.program' (id = program id): the
 * terms only (years, share, deductible, caps, fee). The shop keeps them (meta, see
 * sync/hq-owned) and, once enrolled, records for a device only a program head office offers,
 * on head office's terms. A device's recorded program keeps the terms it was sold with; a
 * deleted program is no longer offered.
 */
export function registerProgramKind(): void {
  if (done) return;
  done = true;
  registerPulledKind(PROGRAM_KIND, {
    async apply(trx, rows, ctx) {
      for (const r of rows) {
        if (r.deleted) await clearHqMark(trx, PROGRAM_KIND, r.id);
        else await setHqMark(trx, PROGRAM_KIND, r.id, { ...programTermsSchema.parse(r.data), id: r.id });
      }
      ctx.emit({ name: 'warranty.programs.changed', payload: { count: rows.length } });
    },
  });
}
