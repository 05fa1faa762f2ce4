import type { HqShipmentRow } from '../../../shared/hq-console/returns';

/** A shipment's state at head office, for its badge: late, in transit, received in full. */
export type ShipmentState = 'late' | 'transit' | 'received' | 'empty';
export const shipmentState = (s: Pick<HqShipmentRow, 'late' | 'received' | 'lines'>): ShipmentState =>
  s.lines === 0 ? 'empty' : s.late ? 'late' : s.received < s.lines ? 'transit' : 'received';
export const STATE_COLOR: Record<ShipmentState, string> = { late: 'red', transit: 'blue', received: 'teal', empty: 'gray' };
