export * from './layers';
export * from './users';
export * from './sessions';
export * from './api-tokens';
export * from './audit-events';
export * from './login-attempts';
export * from './companies';
export * from './exposures';
