import type { Migration } from './types';
import { foundation } from './001-foundation';

/** In order; a new capability appends its migration here with the next version. */
export const migrations: readonly Migration[] = [foundation];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
