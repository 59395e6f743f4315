export * from './escalation-ladder';
