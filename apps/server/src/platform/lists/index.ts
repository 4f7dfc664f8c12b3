export { defineList, type FilterOp, type FilterSpec, type ListDefinition } from './list-definition.js';
export { type ListParams, listQuerySchema } from './list-query.js';
export { type PageLinks, paginate } from './paginate.js';
