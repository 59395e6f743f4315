/** DI tokens shared by every service. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const SERVICE_NAME = Symbol('SERVICE_NAME');
export const LOGGER = Symbol('LOGGER');
export const REDIS = Symbol('REDIS');
export { CLOCK } from '@bekasi/clock';
