export * from './agent.js';
export * from './enrollment-keys.js';
export * from './inventory.js';
export * from './machines.js';
export * from './placeholders.js';
