/** The framework's floor on this machine: no database, no auth, no business logic. */
export const name = 'floor';

export const description = "the framework's floor on this machine: /healthz and the OpenAPI document";

/** @type {import('../lib/load.mjs').BenchRequest[]} */
export const requests = [
  { title: 'health', method: 'GET', path: '/healthz' },
  { title: 'openapi', method: 'GET', path: '/api/v1/openapi.json' },
];
