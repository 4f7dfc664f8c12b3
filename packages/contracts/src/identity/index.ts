export * from './auth.js';
export * from './common.js';
export * from './groups.js';
export * from './sites.js';
export * from './structures.js';
export * from './users.js';
