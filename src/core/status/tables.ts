/** Kysely types of the status links (migration 15). */
export interface StatusLinksTable {
  /** Hex SHA-256 of the secret. */
  id: string;
  ticket_id: string;
  created_at: string;
  created_by: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface StatusSecretsTable {
  link_id: string;
  secret: string;
}

export interface StatusTables {
  status_links: StatusLinksTable;
  status_secrets: StatusSecretsTable;
}
