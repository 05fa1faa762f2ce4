import type { Kysely } from 'kysely';
import { programSchema } from '../../shared/warranty/schemas';
import type { DeviceProgram } from '../../shared/warranty/procedures';
import type { DB } from '../db/schema';

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
