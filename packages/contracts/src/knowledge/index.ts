export * from './articles.js';
export * from './categories.js';
