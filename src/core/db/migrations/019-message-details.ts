import type { Migration } from './types';

/**
 * What a customer's messages need beyond consent (issue 20 point 3): the language the customer
 * wants them in, recorded with each answer (the latest answer's language counts; rows before this
 * migration were all asked in Chinese), and the end of the repair's warranty, fixed at hand-back
 * (the later of the repair warranty and the replaced parts' ends, as the warranty card prints
 * them) so the "collected" message and head office can say it without the warranty engine.
 * Both columns sync with their rows. Frozen once shipped: plain SQL, imports nothing.
 */
export const messageDetails: Migration = {
  version: 19,
  name: 'message-details',
  up(db) {
    db.exec(`
      ALTER TABLE message_consents ADD COLUMN locale TEXT NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en'));
      ALTER TABLE collections ADD COLUMN warranty_until TEXT;
    `);
  },
};
