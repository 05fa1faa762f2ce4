/**
 * The head-office console's API: POST /console/api/<name> with a JSON body, answered with JSON or
 * `{ error: { code, message, details } }`. Each procedure's input schema and the roles that may
 * call it (the server checks them; the console only hides what a role cannot use). docs/hq-roles.md
 * states the same access by hand, and a test holds the server to that table.
 */
import { z } from 'zod';
import { usernameSchema } from '../auth/schemas';
import { shopCodeSchema } from '../shop/schemas';
import { networkDashboardSchema, networkDrillSchema, networkExportSchema, networkReportSchema, shopRegionSchema, type ExportFile, type NetworkDashboard, type NetworkDrill, type NetworkReport } from './figures';
import { deviceLookupSchema, type HqDeviceLookup } from './devices';
import { recallRefSchema, recallSaveSchema, type HqRecall, type RecallCompletion } from './recalls';
import { claimDecideSchema, claimRefSchema, claimsQueueSchema, paymentBatchSchema, reconciliationSchema, type HqClaimDetail, type HqClaimRow, type PaymentBatch, type ReconciliationRow } from './claims';
import { receiveLinesSchema, returnsListSchema, shipmentRefSchema, type HqShipmentDetail, type HqShipmentRow, type ShopReturns } from './returns';
import { complaintRespondSchema, type HqComplaintResponse } from './complaints';
// Publishing: the publications log, the price list editor, the parts catalog import (issue 21 point 3).
import { publicationRefSchema, publicationsListSchema, type HqPublication, type PublicationArrival } from './publishing-log';
import { pricesDraftSchema, pricesPublishSchema, type PriceImport, type PricesPreview, type PublishedPrice } from './publishing-prices';
import { partsImportSchema, partsPublishSchema, type PartsImport } from './publishing-parts';
import { sheetUploadSchema, templateSchema, type TemplateFile } from './publishing-sheet';
import { shopScopeSchema } from './publishing-editors';
import { policyPublishSchema, whatIfSchema, type PolicyList, type PolicyPublished, type WhatIfResult } from './publishing-policies';
import { programPublishSchema, programWithdrawSchema, type ProgramList, type ProgramPublished } from './publishing-programs';
import { calendarPublishSchema, type CalendarPublished, type CalendarState } from './publishing-calendar';
import { usersPublishSchema, type ProvisionedUser, type UserPublished } from './publishing-users';
import { settingsPublishSchema, type SettingsPublished, type SettingsState } from './publishing-settings';

export const HQ_ROLES = ['network_admin', 'service_manager', 'claims_reviewer', 'analyst'] as const;
export const hqRoleSchema = z.enum(HQ_ROLES);
export type HqRole = z.infer<typeof hqRoleSchema>;

/** Head-office accounts face the internet: longer than the shop's counter passwords. */
export const hqPasswordSchema = z.string().min(10, { message: 'validation.hqPassword' }).max(200);
const displayName = z.string().trim().min(1).max(60);
const id = z.string().min(1).max(100);
const empty = z.object({}).strict();

export const signInSchema = z.object({ username: z.string().trim().min(1).max(60), password: z.string().min(1).max(200) }).strict();
export const newHqUserSchema = z.object({ username: usernameSchema, displayName, role: hqRoleSchema, password: hqPasswordSchema }).strict();
export const updateHqUserSchema = z.object({ id, displayName: displayName.optional(), role: hqRoleSchema.optional(), disabled: z.boolean().optional() }).strict();
export const resetPasswordSchema = z.object({ id, password: hqPasswordSchema }).strict();
export const changePasswordSchema = z.object({ current: z.string().min(1).max(200), next: hqPasswordSchema }).strict();
export const auditListSchema = z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict();
export const newShopSchema = z.object({ code: shopCodeSchema, name: z.string().trim().min(1).max(80) }).strict();
export const shopRefSchema = z.object({ shopId: id }).strict();
export { networkReportSchema };
export const ESCALATED_VIEWS = ['escalated', 'open', 'all'] as const;
export const escalatedListSchema = z.object({ view: z.enum(ESCALATED_VIEWS).default('escalated') }).strict();

/** `public`: no session (sign-in); `any`: any signed-in role; otherwise the roles listed. */
export type Access = 'public' | 'any' | readonly HqRole[];

const ADMIN = ['network_admin'] as const;
/** Money decisions on claims are the reviewers' alone: a network admin reads them but does not decide. */
const REVIEWER = ['claims_reviewer'] as const;
/** Head office's data for the shops (price list, catalog, policies …) is published by whoever runs the network's service. */
const PUBLISHERS = ['network_admin', 'service_manager'] as const;
export const hqProcedures = {
  'auth.signIn': { access: 'public', input: signInSchema },
  'auth.signOut': { access: 'any', input: empty },
  'auth.me': { access: 'any', input: empty },
  'auth.changePassword': { access: 'any', input: changePasswordSchema },
  'users.list': { access: ADMIN, input: empty },
  'users.create': { access: ADMIN, input: newHqUserSchema },
  'users.update': { access: ADMIN, input: updateHqUserSchema },
  'users.resetPassword': { access: ADMIN, input: resetPasswordSchema },
  'audit.list': { access: ADMIN, input: auditListSchema },
  'shops.list': { access: ['network_admin', 'service_manager', 'analyst'], input: empty },
  'shops.create': { access: ['network_admin', 'service_manager'], input: newShopSchema },
  'shops.enrollmentCode': { access: ['network_admin', 'service_manager'], input: shopRefSchema },
  'shops.revoke': { access: ADMIN, input: shopRefSchema },
  /** The shop's region in the figures: the network's structure, its admins'. */
  'shops.setRegion': { access: ADMIN, input: shopRegionSchema },
  // Figures are read by who runs and studies the network; customers appear masked only (docs/hq-roles.md).
  'figures.network': { access: ['network_admin', 'service_manager', 'analyst'], input: networkReportSchema },
  'figures.dashboard': { access: ['network_admin', 'service_manager', 'analyst'], input: networkDashboardSchema },
  'figures.tickets': { access: ['network_admin', 'service_manager', 'analyst'], input: networkDrillSchema },
  'figures.export': { access: ['network_admin', 'service_manager', 'analyst'], input: networkExportSchema },
  'complaints.escalated': { access: ['network_admin', 'service_manager'], input: escalatedListSchema },
  /** Head office's word to the shop and the customer: the service manager's (docs/hq-roles.md). */
  'complaints.respond': { access: ['service_manager'], input: complaintRespondSchema },
  'returns.list': { access: ['network_admin', 'service_manager', 'claims_reviewer'], input: returnsListSchema },
  'returns.detail': { access: ['network_admin', 'service_manager', 'claims_reviewer'], input: shipmentRefSchema },
  /** Old parts are the evidence behind the maker's claims: the claims reviewer receives them. */
  'returns.receive': { access: REVIEWER, input: receiveLinesSchema },
  'claims.queue': { access: ['network_admin', 'claims_reviewer'], input: claimsQueueSchema },
  'claims.detail': { access: ['network_admin', 'claims_reviewer'], input: claimRefSchema },
  'claims.decide': { access: REVIEWER, input: claimDecideSchema },
  'claims.payBatch': { access: REVIEWER, input: paymentBatchSchema },
  'claims.reconcile': { access: ['network_admin', 'claims_reviewer', 'analyst'], input: reconciliationSchema },
  // Recalls are the shops' service work: defined by whoever runs the network's service, read by everyone (reviewers meet the work in claims, analysts follow completion).
  'recalls.list': { access: ['network_admin', 'service_manager', 'claims_reviewer', 'analyst'], input: empty },
  'recalls.save': { access: ['network_admin', 'service_manager'], input: recallSaveSchema },
  'recalls.completion': { access: ['network_admin', 'service_manager', 'claims_reviewer', 'analyst'], input: recallRefSchema },
  // One device's history at every shop: for service (a returning device, a recall) and claims (a claim's device); not a figure, so not the analyst's.
  'devices.lookup': { access: ['network_admin', 'service_manager', 'claims_reviewer'], input: deviceLookupSchema },
  // Publishing what head office owns: whoever runs the network's service (docs/hq-roles.md); the log with it, since it is their work's record.
  'publications.list': { access: PUBLISHERS, input: publicationsListSchema },
  'publications.arrival': { access: PUBLISHERS, input: publicationRefSchema },
  'prices.current': { access: PUBLISHERS, input: empty },
  'prices.import': { access: PUBLISHERS, input: sheetUploadSchema },
  'prices.template': { access: PUBLISHERS, input: templateSchema },
  'prices.preview': { access: PUBLISHERS, input: pricesDraftSchema },
  'prices.publish': { access: PUBLISHERS, input: pricesPublishSchema },
  'parts.import': { access: PUBLISHERS, input: partsImportSchema },
  'parts.template': { access: PUBLISHERS, input: templateSchema },
  'parts.publish': { access: PUBLISHERS, input: partsPublishSchema },
  // Publishing editors (issue 21 point 3 B): head office's data, edited and published to the shops by whoever runs the network's service (docs/hq-roles.md); a shop's provisioned users are people, the network admin's.
  'publishing.policies.list': { access: ['network_admin', 'service_manager'], input: empty },
  'publishing.policies.publish': { access: ['network_admin', 'service_manager'], input: policyPublishSchema },
  'publishing.policies.whatIf': { access: ['network_admin', 'service_manager'], input: whatIfSchema },
  'publishing.programs.list': { access: ['network_admin', 'service_manager'], input: empty },
  'publishing.programs.publish': { access: ['network_admin', 'service_manager'], input: programPublishSchema },
  'publishing.programs.withdraw': { access: ['network_admin', 'service_manager'], input: programWithdrawSchema },
  'publishing.calendar.get': { access: ['network_admin', 'service_manager'], input: empty },
  'publishing.calendar.publish': { access: ['network_admin', 'service_manager'], input: calendarPublishSchema },
  'publishing.users.list': { access: ADMIN, input: shopScopeSchema },
  'publishing.users.publish': { access: ADMIN, input: usersPublishSchema },
  'publishing.settings.get': { access: ['network_admin', 'service_manager'], input: shopScopeSchema },
  'publishing.settings.publish': { access: ['network_admin', 'service_manager'], input: settingsPublishSchema },
} as const satisfies Record<string, { access: Access; input: z.ZodType }>;
export type HqProcedure = keyof typeof hqProcedures;
export type HqInput<P extends HqProcedure> = z.input<(typeof hqProcedures)[P]['input']>;

export const CONSOLE_API_PREFIX = '/console/api/';

export function mayCall(access: Access, role: HqRole | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  return access === 'any' || access.includes(role);
}

// Outputs ---------------------------------------------------------------------------------------

export const hqUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: hqRoleSchema,
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type HqUser = z.infer<typeof hqUserSchema>;

export interface HqMe {
  user: HqUser;
  /** When the session ends if nothing else happens (idle or absolute, whichever is sooner); null for the admin token. */
  expiresAt: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  actorName: string;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

/** How a shop's sync looks from head office (network-status.ts decides). */
export const SHOP_STATES = ['notEnrolled', 'revoked', 'ok', 'late', 'failing'] as const;
export type ShopState = (typeof SHOP_STATES)[number];

export interface ShopStatus {
  id: string;
  code: string;
  name: string;
  state: ShopState;
  enrolled: boolean;
  revoked: boolean;
  /** The last push or pull head office answered for the shop. */
  lastSyncAt: string | null;
  lastSeenAt: string | null;
  /** Records the shop has told head office it holds beyond what head office has (its last report). */
  waitingAtShop: number | null;
  /** Head-office publications for the shop it has not pulled yet. */
  waitingForShop: number;
  schemaVersion: number | null;
  appVersion: string | null;
  /** Seconds since the shop last synced (null: never). */
  lagSeconds: number | null;
  lastError: { code: string; at: string } | null;
  lastSeq: number;
  createdAt: string;
  /** The shop's region in the network's figures; null when none is set. */
  region: string | null;
}

export type { NetworkReport };

/** A shop's complaint as head office sees it: the description with personal data masked. */
export interface EscalatedComplaint {
  shopId: string;
  shopCode: string;
  shopName: string;
  id: string;
  number: string;
  category: string;
  severity: string;
  status: string;
  escalation: string;
  description: string;
  openedAt: string;
  respondBy: string;
  resolveBy: string;
  escalatedAt: string | null;
  overdue: boolean;
  /** Head office's responses, oldest first; the last one's deadline is the one that stands. */
  hqResponses: HqComplaintResponse[];
  hqDeadline: string | null;
  /** Still open after head office's deadline. */
  pastHqDeadline: boolean;
}

export interface NewShopCode {
  shop: ShopStatus;
  enrollmentCode: string;
  expiresAt: string;
}

/** Refusals of the console API, beside the sync protocol's (their words: hq.refusal.<code>). */
export const CONSOLE_ERROR_CODES = ['FORBIDDEN', 'FOREIGN_ORIGIN', 'BAD_CREDENTIALS', 'LOCKED', 'DISABLED', 'SESSION_ENDED', 'VALIDATION', 'CONFLICT', 'NO_CLAIM', 'CLAIM_STATE', 'NO_SHIPMENT', 'NOT_IN_SHIPMENT', 'NO_COMPLAINT', 'COMPLAINT_STATE', 'NO_RECALL', 'NO_PUBLICATION'] as const;
export type ConsoleErrorCode = (typeof CONSOLE_ERROR_CODES)[number];

/** What each procedure answers (the console's client is typed by it). */
export interface HqOutputs {
  'auth.signIn': HqMe;
  'auth.signOut': { ok: true };
  'auth.me': HqMe;
  'auth.changePassword': { ok: true };
  'users.list': { users: HqUser[] };
  'users.create': HqUser;
  'users.update': HqUser;
  'users.resetPassword': HqUser;
  'audit.list': { entries: AuditEntry[] };
  'shops.list': { shops: ShopStatus[] };
  'shops.create': NewShopCode;
  'shops.enrollmentCode': NewShopCode;
  'shops.revoke': { shop: ShopStatus };
  'figures.network': NetworkReport;
  'figures.dashboard': NetworkDashboard;
  'figures.tickets': NetworkDrill;
  'figures.export': ExportFile;
  'shops.setRegion': { shop: ShopStatus };
  'complaints.escalated': { complaints: EscalatedComplaint[] };
  'complaints.respond': EscalatedComplaint;
  /** The view's shipments, and every shop's open returns (for the shop filter and the network at a glance). */
  'returns.list': { shipments: HqShipmentRow[]; shops: ShopReturns[] };
  'returns.detail': HqShipmentDetail;
  'returns.receive': HqShipmentDetail;
  'claims.queue': { claims: HqClaimRow[] };
  'claims.detail': HqClaimDetail;
  'claims.decide': HqClaimDetail;
  'claims.payBatch': { batch: PaymentBatch; claims: HqClaimRow[] };
  'claims.reconcile': { rows: ReconciliationRow[]; batches: PaymentBatch[] };
  'recalls.list': { recalls: HqRecall[] };
  'recalls.save': HqRecall;
  'recalls.completion': RecallCompletion;
  'devices.lookup': HqDeviceLookup;
  'publications.list': { publications: HqPublication[] };
  'publications.arrival': { publication: HqPublication; shops: PublicationArrival[] };
  'prices.current': { items: PublishedPrice[]; publication: HqPublication | null };
  'prices.import': PriceImport;
  'prices.template': TemplateFile;
  'prices.preview': PricesPreview;
  'prices.publish': { publication: HqPublication; preview: PricesPreview };
  'parts.import': PartsImport;
  'parts.template': TemplateFile;
  'parts.publish': { publication: HqPublication; report: PartsImport };
  // Publishing editors
  'publishing.policies.list': PolicyList;
  'publishing.policies.publish': PolicyPublished;
  'publishing.policies.whatIf': WhatIfResult;
  'publishing.programs.list': ProgramList;
  'publishing.programs.publish': ProgramPublished;
  'publishing.programs.withdraw': ProgramPublished;
  'publishing.calendar.get': CalendarState;
  'publishing.calendar.publish': CalendarPublished;
  'publishing.users.list': { users: ProvisionedUser[] };
  'publishing.users.publish': UserPublished;
  'publishing.settings.get': SettingsState;
  'publishing.settings.publish': SettingsPublished;
}
