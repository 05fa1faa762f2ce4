import type { SeedStep } from './context';
import { intakeSeedStep } from './intake';
import { stockSeedStep } from './stock';
import { benchSeedStep } from './bench';
import { reportsSeedPrepare, reportsSeedStep, rollupsSeedStep } from './reports';
import { collectionSeedStep } from './collection';

/**
 * The generator's own version: bump it whenever a step writes something different, so caches of
 * generated shops (bench/run.ts) are made again.
 */
export const SEED_VERSION = 4;

/**
 * Every capability appends its generator here (customers, devices, tickets, parts…),
 * so `npm run seed` and the benchmarks always see the whole product.
 */
export const seedSteps: SeedStep[] = [
  // First: later steps (quotes, parts, payments) hang off its tickets.
  reportsSeedPrepare,
  intakeSeedStep,
  stockSeedStep,
  // After stock (quotes list the parts issued), before the report projection (it folds the quotes' mix).
  benchSeedStep,
  reportsSeedStep,
  // After the report projection: payments hang off its collection instants (and the quotes' totals).
  collectionSeedStep,
  // Last: sums what every step wrote.
  rollupsSeedStep,
];
