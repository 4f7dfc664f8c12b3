export * from './health.js';
export * from './pagination.js';
export * from './problem.js';
