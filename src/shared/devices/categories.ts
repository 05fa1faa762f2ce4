/**
 * Device categories: the one list. The warranty engine's policies are keyed by the same ids
 * (src/shared/warranty/schemas.ts CATEGORY_IDS is this list).
 */
export const DEVICE_CATEGORIES = [
  'phone',
  'tablet',
  'laptop',
  'desktop',
  'tv',
  'refrigerator',
  'washing_machine',
  'air_conditioner',
  // Listed separately in the 1995 household-appliance 三包 product table, so the policy data keys them apart.
  'microwave',
  'video_recorder',
  'small_appliance',
] as const;
export type DeviceCategory = (typeof DEVICE_CATEGORIES)[number];

/** Categories whose units carry an IMEI (a SIM slot); the others are identified by serial. */
export const IMEI_CATEGORIES: readonly DeviceCategory[] = ['phone', 'tablet'];

/**
 * Common reported faults per category: stable codes for statistics and the warranty engine's
 * "same fault" rule; labels are `devices.fault.<code>` in the catalog.
 */
export const COMMON_FAULTS: Record<DeviceCategory, readonly string[]> = {
  phone: ['no_power', 'screen_broken', 'display_fault', 'touch_fault', 'battery', 'charging', 'camera', 'audio', 'signal', 'wifi_bt', 'liquid_damage', 'buttons', 'software', 'overheating'],
  tablet: ['no_power', 'screen_broken', 'display_fault', 'touch_fault', 'battery', 'charging', 'camera', 'audio', 'wifi_bt', 'software'],
  laptop: ['no_power', 'display_fault', 'keyboard', 'touchpad', 'battery', 'charging', 'overheating', 'storage', 'wifi_bt', 'hinge', 'software', 'liquid_damage'],
  desktop: ['no_power', 'no_display', 'storage', 'overheating', 'noise', 'software', 'ports'],
  tv: ['no_power', 'no_picture', 'lines_on_screen', 'no_sound', 'remote', 'wifi_bt', 'backlight'],
  refrigerator: ['not_cooling', 'over_cooling', 'noise', 'water_leak', 'ice_build_up', 'door_seal', 'no_power'],
  washing_machine: ['no_power', 'not_draining', 'not_spinning', 'water_leak', 'noise', 'error_code', 'door_lock'],
  air_conditioner: ['not_cooling', 'not_heating', 'water_leak', 'noise', 'error_code', 'remote', 'odour'],
  microwave: ['no_power', 'not_heating', 'turntable', 'door', 'sparking'],
  video_recorder: ['no_power', 'no_picture', 'tape_mechanism', 'remote'],
  small_appliance: ['no_power', 'not_heating', 'noise', 'broken_part', 'overheating'],
};

/** Every fault code of every category, for validating input. */
export const ALL_FAULT_CODES: readonly string[] = [...new Set(Object.values(COMMON_FAULTS).flat())].sort();
