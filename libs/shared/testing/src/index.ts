export * from './test-infra';
export * from './kafka-probe';
export * from './test-auth';
export * from './event-mothers';
