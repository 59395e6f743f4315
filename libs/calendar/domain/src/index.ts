export {
  DAY_MS,
  JAKARTA_UTC_OFFSET_MS,
  WEEKDAYS,
  jakartaDate,
  jakartaInstant,
  startOfJakartaDay,
} from './jakarta-time';
export type { Weekday } from './jakarta-time';
export { HOLIDAY_KINDS, WorkingDayCalendar } from './working-day-calendar';
export type { HolidayKind, WorkingDayCalendarOptions, WorkingDaysSettings } from './working-day-calendar';
export type { SlaPause } from './sla-pause';
export {
  DEFAULT_REGENCY,
  DEFAULT_SLA_POLICY_VERSION,
  firstResponseRule,
  isPausingStatus,
  resolutionRule,
  slaPolicyProblems,
  slaPolicyVersion,
} from './sla-policy';
export type { RegencyOverride, SlaPolicy, SlaPolicyVersion } from './sla-policy';
export { DEFAULT_SLA_POLICY_BOOK, SlaPolicyBook } from './sla-policy-book';
export { deadlinesFor } from './sla-deadlines';
export type { DeadlineQuery, FirstResponseDeadline, ResolutionDeadline, SlaDeadline, SlaDeadlines } from './sla-deadlines';
