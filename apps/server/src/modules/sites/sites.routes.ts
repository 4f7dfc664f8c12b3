import { SiteCreateSchema, SiteSchema, SiteUpdateSchema } from '@itsm/contracts';
import type { FastifyInstance } from 'fastify';
import { registerCrudRoutes } from '../../platform/http/crud-routes.js';
import { type SiteService, siteList } from './sites.service.js';

export function registerSiteRoutes(app: FastifyInstance, service: SiteService) {
  registerCrudRoutes(app, {
    path: '/api/v1/sites',
    tag: 'sites',
    noun: 'site',
    list: siteList,
    schemas: { item: SiteSchema, create: SiteCreateSchema, update: SiteUpdateSchema },
    service,
  });
}
