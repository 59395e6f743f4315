export * from './escalation-ladder';
export * from './escalation-scope';
export * from './escalation-alerts';
