export * from './escalation-ladder';
export * from './escalation-scope';
