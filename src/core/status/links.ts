/**
 * The shop's side of the status links (issue 20 point 1): a link is issued when a ticket is
 * received in an enrolled shop (a hook on the ticket's 'created' event, inside the intake's
 * transaction), kept with its secret for reprints, renewed (the old one revoked) or revoked by
 * staff. Not enrolled: no link, and the receipt says how to ask for status instead.
 */
import type Database from 'better-sqlite3';
import type { Ctx } from '../api/context';
import { prepared, statement } from '../db/statements';
import { shopSettingsView } from '../shop/settings';
import { onTicketEvent } from '../tickets/events';
import { setStatusLinkProvider } from '../documents/intake';
import { randomBytes, createHash } from 'node:crypto';
import { statusUrl } from '../../shared/status/link';

type LinkCtx = Pick<Ctx, 'sqlite' | 'nowIso' | 'session'>;

/** Head office's address when the shop is enrolled; null otherwise (links lead nowhere then). */
export function hqBaseUrl(sqlite: Database.Database): string | null {
  if (!shopSettingsView(sqlite)?.enrolled) return null;
  const row = statement<{ hq_url: string | null }, []>(sqlite, `SELECT hq_url FROM sync_state LIMIT 1`).get();
  return row?.hq_url ?? null;
}

export interface StatusLinkView {
  url: string | null;
  createdAt: string | null;
  enrolled: boolean;
}

/** The ticket's live link and its page's address (null without one, or when not enrolled). */
export function currentStatusLink(sqlite: Database.Database, ticketId: string): StatusLinkView {
  const base = hqBaseUrl(sqlite);
  const row = statement<{ secret: string; created_at: string }, [string]>(
    sqlite,
    `SELECT s.secret, l.created_at FROM status_links l JOIN status_secrets s ON s.link_id = l.id
     WHERE l.ticket_id = ? AND l.revoked_at IS NULL ORDER BY l.created_at DESC LIMIT 1`,
  ).get(ticketId);
  return { url: base && row ? statusUrl(base, row.secret) : null, createdAt: row?.created_at ?? null, enrolled: base !== null };
}

/** Revokes the ticket's live links; returns how many. */
export function revokeStatusLinks(ctx: LinkCtx, ticketId: string): number {
  return prepared(ctx.sqlite, `UPDATE status_links SET revoked_at = ?, revoked_by = ? WHERE ticket_id = ? AND revoked_at IS NULL`).run(ctx.nowIso(), ctx.session?.userId ?? null, ticketId).changes;
}

/** A new link for the ticket (any live one revoked first: one link per ticket at a time). */
export function issueStatusLink(ctx: LinkCtx, ticketId: string): StatusLinkView {
  revokeStatusLinks(ctx, ticketId);
  // 128 random bits; head office knows the link by the secret's SHA-256 only (hq/status/load.ts hashes alike)
  const secret = randomBytes(16).toString('base64url');
  const id = createHash('sha256').update(secret, 'utf8').digest('hex');
  prepared(ctx.sqlite, `INSERT INTO status_links (id, ticket_id, created_at, created_by) VALUES (?, ?, ?, ?)`).run(id, ticketId, ctx.nowIso(), ctx.session?.userId ?? null);
  prepared(ctx.sqlite, `INSERT INTO status_secrets (link_id, secret) VALUES (?, ?)`).run(id, secret);
  return currentStatusLink(ctx.sqlite, ticketId);
}

onTicketEvent((ctx, e) => {
  if (e.kind === 'created' && hqBaseUrl(ctx.sqlite)) issueStatusLink(ctx, e.ticketId);
});

setStatusLinkProvider((ctx, ticketId) => currentStatusLink(ctx.sqlite, ticketId).url);
