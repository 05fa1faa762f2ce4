import { z } from 'zod';
import { MAX_FEN } from '../money/limits';
import { newCustomerSchema, customerSchema } from '../customers/schemas';
import { newDeviceSchema, deviceSchema, dateSchema } from '../devices/schemas';
import { ALL_FAULT_CODES } from '../devices/categories';
import { findingSchema } from '../warranty/schemas';
import { TICKET_STATUSES, EVENT_KINDS } from './statuses';
import { ticketCoverageSchema } from './coverage';
import { isValidPattern, isValidPin } from './passcode';

export const ticketStatusSchema = z.enum(TICKET_STATUSES);
export const eventKindSchema = z.enum(EVENT_KINDS);

export const SERVICE_TYPES = ['carry_in', 'mail_in', 'on_site'] as const;
export const serviceTypeSchema = z.enum(SERVICE_TYPES);

export const serviceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('carry_in') }).strict(),
  z
    .object({
      kind: z.literal('mail_in'),
      courier: z.string().trim().min(1, { message: 'validation.required' }).max(40),
      trackingNo: z.string().trim().min(1, { message: 'validation.required' }).max(40),
    })
    .strict(),
  z
    .object({
      kind: z.literal('on_site'),
      address: z.string().trim().min(1, { message: 'validation.required' }).max(200),
      /** ISO instant of the appointment. */
      appointmentAt: z.iso.datetime({ offset: true, message: 'tickets.error.instant' }),
    })
    .strict(),
]);
export type Service = z.infer<typeof serviceSchema>;

export const CONDITION_ITEMS = ['powers_on', 'display', 'touch', 'cameras', 'buttons', 'ports', 'liquid_indicator', 'cosmetic'] as const;
export const CONDITION_STATES = ['ok', 'fault', 'not_checked'] as const;
export const conditionStateSchema = z.enum(CONDITION_STATES);

export const conditionSchema = z
  .object({
    ...(Object.fromEntries(CONDITION_ITEMS.map((i) => [i, conditionStateSchema.default('not_checked')])) as Record<
      (typeof CONDITION_ITEMS)[number],
      z.ZodDefault<typeof conditionStateSchema>
    >),
    /** Scratches, dents, cracks: where and how bad, in the counter's words. */
    cosmeticNotes: z.string().trim().max(500).default(''),
  })
  .strict();
export type Condition = z.infer<typeof conditionSchema>;

export const ACCESSORIES = ['charger', 'cable', 'case', 'sim_tray', 'sim_card', 'memory_card', 'other'] as const;
export const accessoriesSchema = z
  .object({
    items: z.array(z.enum(ACCESSORIES)).max(ACCESSORIES.length).default([]),
    other: z.string().trim().max(200).default(''),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.items.includes('other') && !a.other) ctx.addIssue({ code: 'custom', path: ['other'], message: 'tickets.error.accessoryOther' });
  });
export type Accessories = z.infer<typeof accessoriesSchema>;

export const PASSCODE_KINDS = ['pin', 'password', 'pattern'] as const;
export const passcodeKindSchema = z.enum(PASSCODE_KINDS);
/** A secret the customer gave, 'declined' (would not give it) or 'none' (the device has no lock). */
export const passcodeSchema = z.union([
  z.enum(['declined', 'none']),
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('pin'), value: z.string().refine(isValidPin, { message: 'tickets.error.pin' }) }).strict(),
    z.object({ kind: z.literal('password'), value: z.string().min(1, { message: 'validation.required' }).max(128) }).strict(),
    z.object({ kind: z.literal('pattern'), value: z.string().refine(isValidPattern, { message: 'tickets.error.pattern' }) }).strict(),
  ]),
]);
export type PasscodeInput = z.infer<typeof passcodeSchema>;

export const MAX_ATTACHMENT_BYTES = 4 * 1024 * 1024;
export const MAX_PHOTOS_PER_INTAKE = 8;
export const ATTACHMENT_MIMES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'] as const;
/** A list's thumbnail: a small JPEG the client makes from the photo (about 160 px on its long side). */
export const MAX_THUMB_BYTES = 32 * 1024;
export const THUMB_EDGE_PX = 160;

export const photoInputSchema = z
  .object({
    name: z.string().trim().max(120).default(''),
    mime: z.enum(ATTACHMENT_MIMES, { message: 'tickets.error.photoType' }),
    /** The bytes, base64; the limit is checked on the decoded size. */
    dataBase64: z
      .string()
      .min(4)
      .max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 8, { message: 'tickets.error.photoTooLarge' })
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'tickets.error.photoData' }),
    /** Optional thumbnail for lists (JPEG, base64); without one, lists show the name. */
    thumbBase64: z
      .string()
      .min(4)
      .max(Math.ceil((MAX_THUMB_BYTES * 4) / 3) + 8, { message: 'tickets.error.thumbInvalid' })
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'tickets.error.thumbInvalid' })
      .optional(),
    caption: z.string().trim().max(200).default(''),
  })
  .strict();

export const faultSchema = z
  .object({
    text: z.string().trim().max(2000).default(''),
    codes: z.array(z.enum(ALL_FAULT_CODES as [string, ...string[]])).max(20).default([]),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (!f.text && f.codes.length === 0) ctx.addIssue({ code: 'custom', path: ['text'], message: 'tickets.error.faultRequired' });
  });

export const intakeInputSchema = z
  .object({
    /** An existing customer, or `customer` with a new one's fields. */
    customerId: z.string().min(1).optional(),
    customer: newCustomerSchema.optional(),
    /** Save the new customer even though one of the phones belongs to someone already. */
    confirmDuplicate: z.boolean().default(false),
    deviceId: z.string().min(1).optional(),
    device: newDeviceSchema.optional(),
    service: serviceSchema.default({ kind: 'carry_in' }),
    fault: faultSchema,
    condition: conditionSchema.default(conditionSchema.parse({})),
    accessories: accessoriesSchema.default({ items: [], other: '' }),
    passcode: passcodeSchema,
    /** The customer was told data may be lost and has backed up (数据备份提示). */
    dataLossAck: z.literal(true, { message: 'tickets.error.dataLossAck' }),
    promisedDate: dateSchema,
    depositFen: z.number().int({ message: 'tickets.error.depositWhole' }).min(0, { message: 'tickets.error.depositNegative' }).max(MAX_FEN).default(0),
    technicianId: z.string().min(1).nullish(),
    findings: z.array(findingSchema).max(10).default([]),
    /** The customer asks for a warranty repair (the engine decides; lists filter warranty vs paid). */
    warrantyClaimed: z.boolean().default(false),
    photos: z.array(photoInputSchema).max(MAX_PHOTOS_PER_INTAKE).default([]),
    /** Recall campaigns (recalls.active) whose banner the counter accepted: the ticket does their work. */
    recallIds: z.array(z.string().min(1).max(100)).max(10).default([]),
    note: z.string().trim().max(1000).default(''),
    /** Text messages about this repair (个人信息保护法): the customer agreed or refused; absent = not asked (nothing is sent). */
    messageConsent: z.boolean().optional(),
    /** The language of those messages; Chinese when not given. */
    messageLocale: z.enum(['zh-CN', 'en']).optional(),
  })
  .strict()
  .check(
    z.superRefine(
      (v, ctx) => {
        if (!v.customerId === !v.customer) ctx.addIssue({ code: 'custom', path: ['customer'], message: 'tickets.error.customerOne' });
        if (!v.deviceId === !v.device) ctx.addIssue({ code: 'custom', path: ['device'], message: 'tickets.error.deviceOne' });
      },
      // Run even when other fields failed, so the screen marks every missing part at once.
      { when: (p) => typeof p.value === 'object' && p.value !== null && !Array.isArray(p.value) },
    ),
  );
export type IntakeInput = z.infer<typeof intakeInputSchema>;
export type IntakeInputRaw = z.input<typeof intakeInputSchema>;

export const attachmentMetaSchema = z.object({
  id: z.string(),
  ticketId: z.string().nullable(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  caption: z.string(),
  createdAt: z.string(),
  /** The list thumbnail as a data: URL (JPEG), null when the photo came without one. */
  thumbUrl: z.string().nullable(),
});

export const ticketEventSchema = z.object({
  id: z.string(),
  ticketId: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  fromStatus: ticketStatusSchema.nullable(),
  toStatus: ticketStatusSchema.nullable(),
  kind: eventKindSchema,
  note: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type TicketEvent = z.infer<typeof ticketEventSchema>;

const personSchema = z.object({ id: z.string(), displayName: z.string() });

/** Badges the lists and the detail show; computed in the shop's time zone. */
export const ticketFlagsSchema = z.object({
  daysOpen: z.number().int(),
  /** Days until the promised date (negative: past it). */
  daysToPromise: z.number().int(),
  overdue: z.boolean(),
  /** Days left before the policy's repair-time limit (negative: past it); null when not a warranty repair in the shop. */
  legalDaysLeft: z.number().int().nullable(),
});

/** One row of a ticket list or board card. */
export const ticketRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: ticketStatusSchema,
  statusAt: z.string(),
  receivedAt: z.string(),
  promisedDate: z.string(),
  serviceType: serviceTypeSchema,
  /** What the customer asked for at intake (a claim, not a decision). */
  warrantyClaimed: z.boolean(),
  /** The label from the decision: the latest quote's split and any 三包 outcome. */
  coverage: ticketCoverageSchema,
  depositFen: z.number().int(),
  faultSummary: z.string(),
  hasPasscode: z.boolean(),
  customer: z.object({ id: z.string(), name: z.string(), phone: z.string() }),
  device: z.object({ id: z.string(), category: z.string(), brand: z.string(), model: z.string(), imei: z.string(), serial: z.string() }),
  technician: personSchema.nullable(),
  flags: ticketFlagsSchema,
});
export type TicketRow = z.infer<typeof ticketRowSchema>;

export const ticketDetailSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: ticketStatusSchema,
  statusAt: z.string(),
  receivedAt: z.string(),
  receivedBy: personSchema.nullable(),
  promisedDate: z.string(),
  service: serviceSchema,
  fault: z.object({ text: z.string(), codes: z.array(z.string()) }),
  condition: conditionSchema,
  accessories: z.object({ items: z.array(z.enum(ACCESSORIES)), other: z.string() }),
  /** Never the secret itself: tickets.revealPasscode shows it to those allowed. */
  passcode: z.object({
    hasPasscode: z.boolean(),
    kind: passcodeKindSchema.nullable(),
    declined: z.boolean(),
    none: z.boolean(),
    erasedAt: z.string().nullable(),
  }),
  dataLossAck: z.boolean(),
  depositFen: z.number().int(),
  depositNote: z.string(),
  technician: personSchema.nullable(),
  findings: z.array(findingSchema),
  warrantyClaimed: z.boolean(),
  coverage: ticketCoverageSchema,
  note: z.string(),
  customer: customerSchema,
  device: deviceSchema,
  events: z.array(ticketEventSchema),
  attachments: z.array(attachmentMetaSchema),
  flags: ticketFlagsSchema,
});
export type TicketDetail = z.infer<typeof ticketDetailSchema>;

export const intakeResultSchema = z.object({
  /** Null when the save stopped at a duplicate-phone warning. */
  ticket: ticketDetailSchema.nullable(),
  duplicateOf: z.array(z.object({ id: z.string(), name: z.string(), phones: z.array(z.string()), company: z.string() })),
});

export const LIST_ORDERS = ['newest', 'oldest', 'promised'] as const;

export const ticketListInputSchema = z
  .object({
    status: z.array(ticketStatusSchema).max(TICKET_STATUSES.length).optional(),
    /** A technician's id, or 'unassigned'. */
    technicianId: z.string().min(1).optional(),
    coverage: z.enum(['warranty', 'paid']).optional(),
    /** Only tickets past their promised date that are still being worked on. */
    overdue: z.boolean().optional(),
    /** Open at least / at most this many days (since intake). */
    minAgeDays: z.number().int().min(0).max(36500).optional(),
    maxAgeDays: z.number().int().min(0).max(36500).optional(),
    customerId: z.string().min(1).optional(),
    deviceId: z.string().min(1).optional(),
    /** Free text: narrows to what search.query finds among tickets. */
    text: z.string().trim().max(100).optional(),
    /** The last id of the previous page. */
    cursor: z.string().min(1).optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .strict();

export const ticketPageSchema = z.object({
  rows: z.array(ticketRowSchema),
  /** Pass as `cursor` for the next page; null at the end. */
  nextCursor: z.string().nullable(),
});
