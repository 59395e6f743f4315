// The ticket state machine of the desk: who may move a ticket where, and what that emits.
export * from './result';
export * from './bilingual-text';
export * from './actor';
export * from './ticket-status';
export * from './ticket-snapshot';
export * from './ticket-command';
export * from './ticket-event';
export * from './ticket-rule-violation';
export * from './transition-table';
export * from './ticket-decision';
export * from './lapor-status';
export * from './reporter-privacy';
export * from './sla-breach';
