export * from './ikp-score';
export * from './ikp-policy';
export * from './target-negotiation';
export * from './instructions';
export * from './budget-absorption';
export * from './labels';
export * from './deadline-outcome';
