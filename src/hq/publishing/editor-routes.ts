/**
 * The console handlers of the publishing editors (policies, programs, calendar, provisioned
 * users, shop settings): input by the contract's zod schema, then the editor's own checks.
 * Access (session, role) is checked before any of them runs (console/routes.ts).
 */
import type { FastifyRequest } from 'fastify';
import type { HqService } from '../service';
import type { Actor } from '../console/audit';
import { parseInput } from '../console/input';
import { pickLocale } from '../../shared/i18n/translate';
import { shopScopeSchema } from '../../shared/hq-console/publishing-editors';
import { policyPublishSchema, whatIfSchema } from '../../shared/hq-console/publishing-policies';
import { programPublishSchema, programWithdrawSchema } from '../../shared/hq-console/publishing-programs';
import { calendarPublishSchema } from '../../shared/hq-console/publishing-calendar';
import { usersPublishSchema } from '../../shared/hq-console/publishing-users';
import { settingsPublishSchema } from '../../shared/hq-console/publishing-settings';
import type { HqProcedure } from '../../shared/hq-console/contract';
import { listPolicies, listPrograms, publishPolicy, publishProgram, withdrawProgram } from './policies';
import { whatIf } from './whatif';
import { calendarState, publishCalendar } from './calendar';
import { listProvisioned, publishProvisioned } from './provisioned-users';
import { publishSettings, settingsState } from './shop-settings';

type EditorProcedure = Extract<HqProcedure, `publishing.${'policies' | 'programs' | 'calendar' | 'users' | 'settings'}.${string}`>;
type EditorHandler<C> = (service: HqService, caller: C, input: unknown, req: FastifyRequest) => Promise<unknown>;

export function editorHandlers<C>(actorOf: (caller: C) => Actor): Record<EditorProcedure, EditorHandler<C>> {
  return {
    'publishing.policies.list': async (s) => listPolicies(s),
    'publishing.policies.publish': async (s, c, input) => publishPolicy(s, actorOf(c), parseInput(policyPublishSchema, input)),
    'publishing.policies.whatIf': async (s, _c, input, req) => whatIf(s, parseInput(whatIfSchema, input), pickLocale(req.headers['accept-language'], 'zh-CN')),
    'publishing.programs.list': async (s) => listPrograms(s),
    'publishing.programs.publish': async (s, c, input) => publishProgram(s, actorOf(c), parseInput(programPublishSchema, input)),
    'publishing.programs.withdraw': async (s, c, input) => withdrawProgram(s, actorOf(c), parseInput(programWithdrawSchema, input)),
    'publishing.calendar.get': async (s) => calendarState(s),
    'publishing.calendar.publish': async (s, c, input) => publishCalendar(s, actorOf(c), parseInput(calendarPublishSchema, input)),
    'publishing.users.list': async (s, _c, input) => ({ users: await listProvisioned(s, parseInput(shopScopeSchema, input).shopId) }),
    'publishing.users.publish': async (s, c, input) => publishProvisioned(s, actorOf(c), parseInput(usersPublishSchema, input)),
    'publishing.settings.get': async (s, _c, input) => settingsState(s, parseInput(shopScopeSchema, input).shopId),
    'publishing.settings.publish': async (s, c, input) => publishSettings(s, actorOf(c), parseInput(settingsPublishSchema, input)),
  };
}
