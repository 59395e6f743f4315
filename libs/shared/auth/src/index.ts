// Authentication and authorization shared by desk and the gateway: JWT sessions, roles, unit scope.
export * from './roles';
export * from './principal';
export * from './unit-scope';
export * from './password-hasher';
export * from './auth.decorators';
export * from './jwt-auth.guard';
export * from './login-throttler.guard';
export * from './auth.module';
