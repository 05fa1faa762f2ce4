import type { SeedStep } from './context';
import { intakeSeedStep } from './intake';
import { stockSeedStep } from './stock';
import { reportsSeedPrepare, reportsSeedStep, rollupsSeedStep } from './reports';
import { collectionSeedStep } from './collection';

/**
 * Every capability appends its generator here (customers, devices, tickets, parts…),
 * so `npm run seed` and the benchmarks always see the whole product.
 */
export const seedSteps: SeedStep[] = [
  // First: later steps (quotes, parts, payments) hang off its tickets.
  reportsSeedPrepare,
  intakeSeedStep,
  stockSeedStep,
  reportsSeedStep,
  // After the report projection: payments hang off its collection instants.
  collectionSeedStep,
  // Last: sums what every step wrote.
  rollupsSeedStep,
];
