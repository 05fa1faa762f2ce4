import type { Kysely } from 'kysely';
import { AppError } from '../../shared/api/errors';
import { PROGRAM_DEVICE_FIELDS, programSchema, programTermsSchema, type Program, type ProgramTerms } from '../../shared/warranty/schemas';
import type { DeviceProgram } from '../../shared/warranty/procedures';
import type { DB } from '../db/schema';
import { hqMarks } from '../sync/hq-owned';
import { PROGRAM_KIND } from './pulled';

/** The service programs recorded for a device, oldest first. */
export async function programsOfDevice(db: Kysely<DB>, deviceId: string): Promise<DeviceProgram[]> {
  const rows = await db
    .selectFrom('device_programs as d')
    .leftJoin('users as u', 'u.id', 'd.created_by')
    .select(['d.id', 'd.device_id', 'd.data_json', 'd.created_at', 'u.username'])
    .where('d.device_id', '=', deviceId)
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    deviceId: r.device_id,
    program: programSchema.parse(JSON.parse(r.data_json)),
    createdAt: r.created_at,
    createdBy: r.username,
  }));
}

/** The programs head office offers (pulled), by id. Empty in a shop that is not enrolled. */
export async function publishedPrograms(db: Kysely<DB>): Promise<ProgramTerms[]> {
  return [...(await hqMarks<unknown>(db, PROGRAM_KIND)).values()].map((v) => programTermsSchema.parse(v));
}

/** A device program's terms: the program without what is the device's own (its dates, what was used). */
export function termsOf(p: Program): ProgramTerms {
  const rest: Record<string, unknown> = { ...p };
  for (const k of PROGRAM_DEVICE_FIELDS) delete rest[k];
  return programTermsSchema.parse(rest);
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(sortDeep(a)) === JSON.stringify(sortDeep(b));
function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortDeep((v as Record<string, unknown>)[k])]));
  return v;
}

/**
 * Once enrolled, head office owns the programs: a device may be recorded only with a program
 * head office offers, on its terms (the device's dates are the shop's to enter).
 */
export async function assertProgramOffered(db: Kysely<DB>, enrolled: boolean, p: Program): Promise<void> {
  if (!enrolled) return;
  const offered = (await publishedPrograms(db)).find((o) => o.id === p.id);
  if (!offered) throw new AppError('RULE', { key: 'warranty.error.programNotOffered', params: { id: p.id }, fields: [{ path: 'program.id', key: 'warranty.error.programNotOffered', params: { id: p.id } }] });
  if (offered.kind !== p.kind || !sameJson(termsOf(p), offered))
    throw new AppError('RULE', { key: 'warranty.error.programTermsFromHq', params: { id: p.id }, details: { terms: offered } });
}
