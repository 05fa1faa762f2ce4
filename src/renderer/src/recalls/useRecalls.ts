import { matchingRecalls, type RecallDevice, type RecallMatchBy } from '../../../shared/recalls/match';
import type { Recall } from '../../../shared/recalls/schemas';
import { useCall } from '../data/calls';

export interface RecallHit {
  campaign: Recall;
  by: RecallMatchBy;
}

/**
 * The recall campaigns running today that cover a device, matched here with the shared rule
 * (the backend checks the same rule again when the intake records one). One read of today's
 * campaigns serves the intake screen and every search result.
 */
export function useRecallMatcher(): (d: RecallDevice | null) => RecallHit[] {
  const active = useCall('recalls.active', {}, { silent: true }).data;
  return (d) => (d && active ? matchingRecalls(active.recalls, d, active.today) : []);
}
