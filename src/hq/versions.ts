import type { RequestMeta } from './context';
import { HqError } from './errors';
import { LATEST_SHOP_SCHEMA, OLDEST_SHOP_SCHEMA } from './shapes';
import { PROTOCOL_VERSION } from '../shared/sync/protocol';

/** Protocol must match; the shop schema must be the current one or the one before. Answers the schema version. */
export function checkVersions(meta: RequestMeta): number {
  if (meta.protocol !== String(PROTOCOL_VERSION)) {
    throw new HqError('PROTOCOL_MISMATCH', 426, `protocol ${PROTOCOL_VERSION} expected`, { expected: PROTOCOL_VERSION, got: String(meta.protocol ?? '') });
  }
  const schema = Number(meta.schema);
  if (!Number.isInteger(schema) || schema < 1) throw new HqError('MALFORMED', 400, 'schema version missing', { reason: 'x-fixpoint-schema' });
  if (schema < OLDEST_SHOP_SCHEMA)
    throw new HqError('SHOP_OUTDATED', 426, 'shop schema too old: update Fixpoint', { shopSchema: schema, minSchema: OLDEST_SHOP_SCHEMA });
  if (schema > LATEST_SHOP_SCHEMA)
    throw new HqError('HQ_OUTDATED', 409, 'shop schema newer than head office', { shopSchema: schema, maxSchema: LATEST_SHOP_SCHEMA });
  return schema;
}
