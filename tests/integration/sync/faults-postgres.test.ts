import { defineFaultRun } from './fault-run';

// The randomized fault run (see fault-run.ts) against head office on postgres; its own file so the
// SQLite and PostgreSQL runs go in parallel workers.
await defineFaultRun('postgres');
