import { z } from 'zod';
import { procedure } from '../api/contract';
import { ALL_STAFF } from '../api/roles';
import { FRONT_DESK } from '../tickets/roles';

const ticketId = z.object({ ticketId: z.string().min(1) }).strict();
/** `enrolled`: whether the shop is joined to head office (without it there is no page to link to). */
export const statusLinkSchema = z.object({ url: z.string().nullable(), createdAt: z.string().nullable(), enrolled: z.boolean() });

/** The customers' status links (issue 20 point 1): the page itself is at head office. */
export const statusProcedures = {
  'status.link': procedure({
    summary: "The ticket's live status link (the page at head office behind the receipt's QR code); url is null when the shop is not enrolled or the link was revoked.",
    input: ticketId,
    output: statusLinkSchema,
    access: ALL_STAFF,
    kind: 'query',
  }),
  'status.renew': procedure({
    summary: 'Issues a new status link for the ticket and revokes the old one (a customer who shared or lost theirs). Refused when the shop is not enrolled.',
    input: ticketId,
    output: statusLinkSchema,
    access: FRONT_DESK,
    kind: 'mutation',
  }),
  'status.revoke': procedure({
    summary: "Revokes the ticket's status link: the page answers as for a link that never existed.",
    input: ticketId,
    output: z.object({ revoked: z.number().int() }),
    access: FRONT_DESK,
    kind: 'mutation',
  }),
};
