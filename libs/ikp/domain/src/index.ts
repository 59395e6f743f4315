export * from './ikp-score';
export * from './target-negotiation';
