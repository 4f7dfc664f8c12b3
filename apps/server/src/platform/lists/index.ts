export { defineList, type FilterOp, type FilterSpec, type ListDefinition } from './list-definition.js';
export { type ListFilter, type ListParams, listQuerySchema } from './list-query.js';
export { listStatements, type PageLinks, type PaginateOptions, paginate } from './paginate.js';
