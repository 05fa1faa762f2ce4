/**
 * Every console publication goes through this one function (the shared contract of issue 21
 * point 3). STUB of the editors' branch: it publishes through `publish` (same validation, its
 * own transaction) and answers publication 0. The publications log's branch replaces this file
 * with the real one (hq_publications: version, who, when, arrival per shop) at merge.
 */
import type { HqContext } from '../context';
import type { Actor } from '../console/audit';
import type { PulledKindId } from '../../shared/sync/kinds';
import { publish } from '../publish';

export async function publishAs(
  ctx: HqContext,
  actor: Actor,
  req: { kind: PulledKindId; shopId?: string; items: ({ id: string; data: unknown } | { id: string; deleted: true })[]; title: string },
): Promise<{ publicationId: number; changes: number[] }> {
  void actor; // the real one records who published, with the title
  const { changes } = await publish(ctx, { kind: req.kind, ...(req.shopId ? { shopId: req.shopId } : {}), items: req.items });
  return { publicationId: 0, changes };
}
