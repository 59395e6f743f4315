export { CLOCK } from './clock';
export type { Clock } from './clock';
export { SystemClock } from './system-clock';
export { ScaledClock } from './scaled-clock';
export type { ScaledClockOptions } from './scaled-clock';
export { FakeClock } from './fake-clock';
export { clockFromEnv } from './clock-from-env';
export type { ClockFromEnvOptions } from './clock-from-env';
