import type { systemProcedures } from '../../shared/system/procedures';
import type { Handlers } from '../api/context';

type P = typeof systemProcedures;

export const auditHandlers: Handlers<Pick<P, 'audit.list'>> = {
  async 'audit.list'(input, ctx) {
    let q = ctx.db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.user_id')
      .select(['audit_log.id', 'audit_log.at', 'audit_log.user_id', 'users.username', 'audit_log.action', 'audit_log.entity', 'audit_log.entity_id', 'audit_log.details_json'])
      .orderBy('audit_log.id', 'desc')
      .limit(input.limit);
    if (input.before) q = q.where('audit_log.id', '<', input.before);
    const rows = await q.execute();
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.user_id,
      username: r.username,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      details: JSON.parse(r.details_json) as Record<string, unknown>,
    }));
  },
};
