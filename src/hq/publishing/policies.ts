/**
 * The policy and program editors at head office: list what was last published (with the national
 * presets to start a new policy from), publish a new version through publishAs. A policy's
 * `version` label is head office's (the instant it was published); each shop files it as its own
 * next version (core/sync/pulled-builtin.ts), so a decision names the rules of its day.
 */
import type { z } from 'zod';
import type { HqContext } from '../context';
import type { Actor } from '../console/audit';
import { PRESETS } from '../../shared/warranty/presets';
import { categoryPolicySchema, programTermsSchema, type CategoryPolicy, type ProgramTerms } from '../../shared/warranty/schemas';
import type { PolicyList, PolicyPublished, policyPublishSchema } from '../../shared/hq-console/publishing-policies';
import type { ProgramList, ProgramPublished, programPublishSchema, programWithdrawSchema } from '../../shared/hq-console/publishing-programs';
import { checkKind, publishedItem, publishedItems } from './editor-items';
import { publishAs } from './publish-as';

const POLICY = 'warranty.policy';
const PROGRAM = 'warranty.program';
const policyOf = (d: unknown) => categoryPolicySchema.parse(d);
const programOf = (d: unknown) => programTermsSchema.parse(d);

export async function listPolicies(ctx: HqContext): Promise<PolicyList> {
  return { published: await publishedItems(ctx, POLICY, '*', policyOf), presets: PRESETS };
}

export async function publishPolicy(ctx: HqContext, actor: Actor, input: z.output<typeof policyPublishSchema>): Promise<PolicyPublished> {
  const policy = checkKind<CategoryPolicy>(POLICY, { ...input.policy, version: `hq@${ctx.nowIso()}` }, 'policy');
  const title = input.title || `${policy.name['zh-CN']} (${policy.id})`;
  const r = await publishAs(ctx, actor, { kind: POLICY, items: [{ id: policy.id, data: policy }], title });
  return { ...r, policy: (await publishedItem(ctx, POLICY, '*', policy.id, policyOf))! };
}

export async function listPrograms(ctx: HqContext): Promise<ProgramList> {
  return { published: await publishedItems(ctx, PROGRAM, '*', programOf) };
}

export async function publishProgram(ctx: HqContext, actor: Actor, input: z.output<typeof programPublishSchema>): Promise<ProgramPublished> {
  const program = checkKind<ProgramTerms>(PROGRAM, input.program, 'program');
  const title = input.title || `${program.name?.['zh-CN'] ?? program.id} (${program.kind})`;
  const r = await publishAs(ctx, actor, { kind: PROGRAM, items: [{ id: program.id, data: program }], title });
  return { ...r, program: await publishedItem(ctx, PROGRAM, '*', program.id, programOf) };
}

/** A program head office no longer offers: a deletion (the shops stop offering it; devices keep what they hold). */
export async function withdrawProgram(ctx: HqContext, actor: Actor, input: z.output<typeof programWithdrawSchema>): Promise<ProgramPublished> {
  const r = await publishAs(ctx, actor, { kind: PROGRAM, items: [{ id: input.id, deleted: true }], title: input.title || `${input.id} withdrawn` });
  return { ...r, program: null };
}
