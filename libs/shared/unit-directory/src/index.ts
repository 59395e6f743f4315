export * from './asda-directory';
export * from './latest-regroupings';
export * from './unit-groups.migration';
export * from './unit-regrouped.event-handler';
export * from './unit-directory.module';
