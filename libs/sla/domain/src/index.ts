export * from './ticket-clock-facts';
export * from './sla-clocks';
