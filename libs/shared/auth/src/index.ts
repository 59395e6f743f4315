// Authentication and authorization of every service: ES256 access tokens signed by desk and verified
// with its public keys, roles, unit scope, signed channel requests, reporter keys, the gateway hop.
export * from './roles';
export * from './principal';
export * from './unit-scope';
export * from './password-hasher';
export * from './auth.decorators';
export * from './jwt-auth.guard';
export * from './login-throttler.guard';
export * from './auth.module';
export * from './client-address';
export * from './tokens/es256-jwt';
export * from './tokens/key-material';
export * from './tokens/access-tokens';
export * from './channels/channel-signature';
export * from './channels/reporter-key';
export * from './channels/channel-client';
export * from './unit-param-scope.guard';
