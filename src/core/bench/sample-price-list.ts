import { starterPriceItems } from '../../shared/bench/starter-prices';

/**
 * The price list the demo shop starts with: the starter list of the categories it repairs,
 * as a manager takes it on the first day; the scale generator adds a few items to it.
 */
export const SAMPLE_PRICE_LIST = starterPriceItems(['phone', 'laptop', 'tv', 'small_appliance']);
