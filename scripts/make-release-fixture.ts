/**
 * Writes tests/fixtures/releases/<version>-schema<N>.sqlite: the demo shop as this
 * release stores it. Run once per release; the migration test opens every file
 * there, so upgrades from each earlier release stay tested forever.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openBackend, APP_VERSION } from '../src/core';
import { LATEST_SCHEMA_VERSION } from '../src/core/db/migrations';
import { seedDemo } from '../src/core/demo';

const out = path.resolve(`tests/fixtures/releases/${APP_VERSION}-schema${LATEST_SCHEMA_VERSION}.sqlite`);
fs.rmSync(out, { force: true });
const backend = openBackend({ file: out });
await seedDemo(backend);
backend.services.sqlite.pragma('journal_mode = DELETE'); // one self-contained file
await backend.close();
console.log(`wrote ${path.relative(process.cwd(), out)} (${fs.statSync(out).size} bytes)`);
