export * from './common.js';
export * from './config.js';
export * from './notifications.js';
export * from './tickets.js';
