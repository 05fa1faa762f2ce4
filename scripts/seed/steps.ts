import type { SeedStep } from './context';

/**
 * Every capability appends its generator here (customers, devices, tickets, parts…),
 * so `npm run seed` and the benchmarks always see the whole product.
 */
export const seedSteps: SeedStep[] = [];
