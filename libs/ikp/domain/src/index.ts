export * from './ikp-score';
export * from './target-negotiation';
export * from './instructions';
