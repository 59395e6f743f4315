export * from './test-infra';
export * from './kafka-probe';
