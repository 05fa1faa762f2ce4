import type { CategoryPolicy, PartRule } from './schemas';

/** A policy's part rules by id, built once per policy object (the engine looks parts up per line). */
export interface PolicyIndex {
  main: Map<string, PartRule>;
  accessory: Map<string, PartRule>;
}
const policyIndex = new WeakMap<CategoryPolicy, PolicyIndex>();

export function indexOf(policy: CategoryPolicy): PolicyIndex {
  let ix = policyIndex.get(policy);
  if (!ix) {
    ix = {
      main: new Map(policy.mainParts.map((p) => [p.id, p])),
      accessory: new Map(policy.accessories.map((p) => [p.id, p])),
    };
    policyIndex.set(policy, ix);
  }
  return ix;
}
