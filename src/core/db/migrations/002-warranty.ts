import type { Migration } from './types';
import { makeSynced } from './triggers';
import { HOLIDAY_CALENDAR_V2, PRESET_POLICIES_V2 } from './002-warranty-data';

/**
 * Warranty policy data (head office's, editable as data) and the programs a device holds.
 *
 * - `warranty_policies`: one row per *version* of a category policy. Rows are immutable once
 *   written (a trigger refuses changes to the data); an edit appends version n+1 and moves the
 *   `active` flag, so history stays and every decision names the `version` it used.
 *   `source` says where a version came from: 'preset' (built in: the national presets as of this migration, 002-warranty-data.ts), 'local'
 *   (this shop's admin, only while not enrolled), 'hq' (pulled from head office, later).
 *   `category_default` marks which policy `warranty.evaluate` uses for a bare category
 *   (the TV category has four presets; the LCD one is the default).
 * - `warranty_calendars`: the public-holiday schedule, versioned the same way.
 * Both are head-office-owned, so NOT outbox-synced: head office sends them, the shop never does.
 * - `device_programs`: service programs (延保, 意外保, 以换代修) a given device holds. This is
 *   what the shop recorded about a customer's device, so it IS synced like other device data.
 *   `device_id` has no foreign key on purpose: the devices table arrives in a later migration.
 */
export const warranty: Migration = {
  version: 2,
  name: 'warranty',
  up(db) {
    db.exec(`
      CREATE TABLE warranty_policies (
        id TEXT PRIMARY KEY,
        policy_id TEXT NOT NULL,
        category TEXT NOT NULL,
        version_no INTEGER NOT NULL CHECK (version_no >= 1),
        version TEXT NOT NULL UNIQUE,
        data_json TEXT NOT NULL CHECK (json_valid(data_json)),
        source TEXT NOT NULL CHECK (source IN ('preset', 'local', 'hq')),
        active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
        category_default INTEGER NOT NULL DEFAULT 0 CHECK (category_default IN (0, 1)),
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        updated_by TEXT REFERENCES users(id),
        UNIQUE (policy_id, version_no)
      ) STRICT;
      CREATE UNIQUE INDEX warranty_policies_one_active ON warranty_policies(policy_id) WHERE active = 1;
      CREATE UNIQUE INDEX warranty_policies_one_default ON warranty_policies(category) WHERE active = 1 AND category_default = 1;
      CREATE INDEX warranty_policies_category ON warranty_policies(category, active);
      CREATE TRIGGER warranty_policies_immutable BEFORE UPDATE OF id, policy_id, category, version_no, version, data_json, source ON warranty_policies
      BEGIN SELECT RAISE(ABORT, 'warranty policy versions are immutable; append a new version'); END;

      CREATE TABLE warranty_calendars (
        id TEXT PRIMARY KEY,
        calendar_id TEXT NOT NULL,
        version_no INTEGER NOT NULL CHECK (version_no >= 1),
        data_json TEXT NOT NULL CHECK (json_valid(data_json)),
        source TEXT NOT NULL CHECK (source IN ('preset', 'local', 'hq')),
        active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
        updated_at TEXT NOT NULL,
        updated_by TEXT REFERENCES users(id),
        UNIQUE (calendar_id, version_no)
      ) STRICT;
      CREATE UNIQUE INDEX warranty_calendars_one_active ON warranty_calendars(calendar_id) WHERE active = 1;
      CREATE TRIGGER warranty_calendars_immutable BEFORE UPDATE OF id, calendar_id, version_no, data_json, source ON warranty_calendars
      BEGIN SELECT RAISE(ABORT, 'holiday calendar versions are immutable; append a new version'); END;

      CREATE TABLE device_programs (
        id TEXT PRIMARY KEY,
        device_id TEXT NOT NULL,
        program_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('extended_warranty', 'accidental_damage', 'replace_instead_of_repair')),
        data_json TEXT NOT NULL CHECK (json_valid(data_json)),
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users(id),
        UNIQUE (device_id, program_id)
      ) STRICT;
      CREATE INDEX device_programs_device ON device_programs(device_id);
    `);
    makeSynced(db, 'device_programs');

    const now = new Date().toISOString();
    const insertPolicy = db.prepare(
      `INSERT INTO warranty_policies (id, policy_id, category, version_no, version, data_json, source, active, category_default, note, updated_at, updated_by)
       VALUES (?, ?, ?, 1, ?, ?, 'preset', 1, ?, '', ?, NULL)`,
    );
    // The presets and calendar as this migration shipped them (frozen copies, not today's code).
    for (const [id, category, version, isDefault, json] of PRESET_POLICIES_V2) insertPolicy.run(`${id}#1`, id, category, version, json, isDefault, now);
    const [calendarId, calendarJson] = HOLIDAY_CALENDAR_V2;
    db.prepare(
      `INSERT INTO warranty_calendars (id, calendar_id, version_no, data_json, source, active, updated_at, updated_by)
       VALUES (?, ?, 1, ?, 'preset', 1, ?, NULL)`,
    ).run(`${calendarId}#1`, calendarId, calendarJson, now);
  },
};
