export * from './health.js';
export * from './identity/index.js';
export * from './knowledge/index.js';
export * from './machines/index.js';
export * from './pagination.js';
export * from './problem.js';
export * from './tickets/index.js';
