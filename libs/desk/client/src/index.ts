// Typed HTTP client of desk's API for the gateway and the web UI (global fetch, no framework).
export * from './desk-api.types';
export * from './desk-client';
