export * from './inventory.js';
export * from './placeholders.js';
