/** Public API of the warranty engine (pure; see engine.ts for the rules and decisions). */
export * from './schemas';
export { evaluate, addPeriodDay, periodCode, type EvaluateOptions } from './engine';
export { computeRefund, type RefundInput, type RefundResult } from './refund';
export { assertValidInput, collectIssues, parseEvaluationInput } from './validate';
export {
  CN_HOLIDAYS,
  compileCalendar,
  isWorkingDay,
  nextWorkingDay,
  rollToWorkingDay,
  type CompiledCalendar,
} from './holidays';
export { addDays, addMonths, compareDates, daysBetween, isIsoDate, toDay, fromDay, weekday, type IsoDate } from './dates';
export {
  PRESETS,
  findPreset,
  DEFAULT_EXCLUSIONS,
  PHONE_2001,
  LAPTOP_2002,
  DESKTOP_2002,
  COLOUR_TV_1995,
  BW_TV_1995,
  LCD_TV_2011,
  PLASMA_TV_2011,
  VCR_1995,
  REFRIGERATOR_1995,
  AIR_CONDITIONER_1995,
  WASHING_MACHINE_1995,
  MICROWAVE_1995,
} from './presets';
export { formatReason, formatPeriod, formatFen, partName } from './format';
export { REASON_RULES, sourcesOf, citationText, withCitation } from './citations';
export { messages } from './messages';
export { replacedPartWarrantyEnd, replacedPartEndDay } from './replaced-part';
