/** A part of a weekday; the scoring core keeps them as bits (day * 3 + part). */
export enum WeeklySlot {
  MON_MORNING = 'MON_MORNING',
  MON_AFTERNOON = 'MON_AFTERNOON',
  MON_EVENING = 'MON_EVENING',
  TUE_MORNING = 'TUE_MORNING',
  TUE_AFTERNOON = 'TUE_AFTERNOON',
  TUE_EVENING = 'TUE_EVENING',
  WED_MORNING = 'WED_MORNING',
  WED_AFTERNOON = 'WED_AFTERNOON',
  WED_EVENING = 'WED_EVENING',
  THU_MORNING = 'THU_MORNING',
  THU_AFTERNOON = 'THU_AFTERNOON',
  THU_EVENING = 'THU_EVENING',
  FRI_MORNING = 'FRI_MORNING',
  FRI_AFTERNOON = 'FRI_AFTERNOON',
  FRI_EVENING = 'FRI_EVENING',
  SAT_MORNING = 'SAT_MORNING',
  SAT_AFTERNOON = 'SAT_AFTERNOON',
  SAT_EVENING = 'SAT_EVENING',
  SUN_MORNING = 'SUN_MORNING',
  SUN_AFTERNOON = 'SUN_AFTERNOON',
  SUN_EVENING = 'SUN_EVENING',
}

const SLOTS = Object.values(WeeklySlot);

/** Slots as a bit mask; null for none given, so that AVAILABILITY does not apply. */
export function slotsToMask(slots: readonly WeeklySlot[] | null | undefined): number | null {
  if (!slots?.length) return null;
  return slots.reduce((mask, slot) => mask | (1 << SLOTS.indexOf(slot)), 0);
}

export function maskToSlots(mask: number | null): WeeklySlot[] {
  return mask === null ? [] : SLOTS.filter((_, bit) => (mask & (1 << bit)) !== 0);
}
