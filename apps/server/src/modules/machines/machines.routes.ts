import {
  EnrollmentKeyCreatedSchema,
  EnrollmentKeyCreateSchema,
  EnrollmentKeySchema,
  EnrollmentKeyUpdateSchema,
  InstructionCreateSchema,
  MachineCreateSchema,
  MachineDetailSchema,
  MachineHistoryEntrySchema,
  MachineInstructionSchema,
  MachineSchema,
  MachineUpdateSchema,
  pageOf,
  SoftwareSchema,
} from '@itsm/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, contextOf } from '../../platform/auth/actor.js';
import { IdParamsSchema, pageLinks } from '../../platform/http/route-helpers.js';
import { type ListParams, listQuerySchema } from '../../platform/lists/index.js';
import { type EnrollmentKeyService, enrollmentKeyList } from './enrollment-keys.service.js';
import { type MachineListExtras, machineList, machineListExtras } from './machine-list.js';
import { historyList, type MachineService, softwareList } from './machines.service.js';

const tags = ['machines'];

export function registerMachineRoutes(
  app: FastifyInstance,
  { machines, keys }: { machines: MachineService; keys: EnrollmentKeyService },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const publicUrl = app.config.publicUrl;

  r.get(
    '/api/v1/machines',
    {
      schema: {
        tags,
        summary: 'List the machines you may see',
        querystring: listQuerySchema(machineList, machineListExtras),
        response: { 200: pageOf(MachineSchema) },
      },
    },
    (request) =>
      machines.list(
        actorOf(request),
        request.query as ListParams & MachineListExtras,
        pageLinks(request, publicUrl),
      ),
  );

  r.post(
    '/api/v1/machines',
    {
      schema: {
        tags,
        summary: 'Register a machine by hand (one without agent, e.g. in stock)',
        body: MachineCreateSchema,
        response: { 201: MachineDetailSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await machines.create(actorOf(request), request.body, contextOf(request))),
  );

  r.get(
    '/api/v1/machines/:id',
    {
      schema: {
        tags,
        summary: 'One machine with its system information and network interfaces',
        params: IdParamsSchema,
        response: { 200: MachineDetailSchema },
      },
    },
    (request) => machines.get(actorOf(request), request.params.id),
  );

  r.patch(
    '/api/v1/machines/:id',
    {
      schema: {
        tags,
        summary: 'Change what people decide: status, structure, site, main user, notes',
        params: IdParamsSchema,
        body: MachineUpdateSchema,
        response: { 200: MachineDetailSchema },
      },
    },
    (request) => machines.update(actorOf(request), request.params.id, request.body, contextOf(request)),
  );

  r.delete(
    '/api/v1/machines/:id',
    {
      schema: { tags, summary: 'Delete a machine and its history (administrators)', params: IdParamsSchema },
    },
    async (request, reply) => {
      await machines.remove(actorOf(request), request.params.id, contextOf(request));
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/v1/machines/:id/software',
    {
      schema: {
        tags,
        summary: 'Software installed on a machine',
        params: IdParamsSchema,
        querystring: listQuerySchema(softwareList),
        response: { 200: pageOf(SoftwareSchema) },
      },
    },
    (request) =>
      machines.software(
        actorOf(request),
        request.params.id,
        request.query as ListParams,
        pageLinks(request, publicUrl),
      ),
  );

  r.get(
    '/api/v1/machines/:id/history',
    {
      schema: {
        tags,
        summary: 'What changed on a machine, newest first, from its agent or from people',
        params: IdParamsSchema,
        querystring: listQuerySchema(historyList),
        response: { 200: pageOf(MachineHistoryEntrySchema) },
      },
    },
    (request) =>
      machines.history(
        actorOf(request),
        request.params.id,
        request.query as ListParams,
        pageLinks(request, publicUrl),
      ),
  );

  r.post(
    '/api/v1/machines/:id/instructions',
    {
      schema: {
        tags,
        summary:
          'Instruct the machine’s agent (collect an inventory now, change its intervals); it gets it at its next exchange',
        params: IdParamsSchema,
        body: InstructionCreateSchema,
        response: { 200: MachineInstructionSchema, 201: MachineInstructionSchema },
      },
    },
    async (request, reply) => {
      const { instruction, created } = await machines.instruct(
        actorOf(request),
        request.params.id,
        request.body,
        contextOf(request),
      );
      return reply.code(created ? 201 : 200).send(instruction);
    },
  );

  const keyTags = ['enrollment keys'];
  r.get(
    '/api/v1/enrollment-keys',
    {
      schema: {
        tags: keyTags,
        summary: 'List enrollment keys (administrators)',
        querystring: listQuerySchema(enrollmentKeyList),
        response: { 200: pageOf(EnrollmentKeySchema) },
      },
    },
    (request) => keys.list(actorOf(request), request.query as ListParams, pageLinks(request, publicUrl)),
  );

  r.post(
    '/api/v1/enrollment-keys',
    {
      schema: {
        tags: keyTags,
        summary: 'Create an enrollment key; the key itself is in this answer only',
        body: EnrollmentKeyCreateSchema,
        response: { 201: EnrollmentKeyCreatedSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await keys.create(actorOf(request), request.body, contextOf(request))),
  );

  r.get(
    '/api/v1/enrollment-keys/:id',
    {
      schema: {
        tags: keyTags,
        summary: 'One enrollment key',
        params: IdParamsSchema,
        response: { 200: EnrollmentKeySchema },
      },
    },
    (request) => keys.get(actorOf(request), request.params.id),
  );

  r.patch(
    '/api/v1/enrollment-keys/:id',
    {
      schema: {
        tags: keyTags,
        summary: 'Rename a key, change its site, expiry or maximum uses',
        params: IdParamsSchema,
        body: EnrollmentKeyUpdateSchema,
        response: { 200: EnrollmentKeySchema },
      },
    },
    (request) => keys.update(actorOf(request), request.params.id, request.body, contextOf(request)),
  );

  r.post(
    '/api/v1/enrollment-keys/:id/revoke',
    {
      schema: {
        tags: keyTags,
        summary: 'Revoke a key: it enrols nothing more (enrolled machines keep working)',
        params: IdParamsSchema,
        response: { 200: EnrollmentKeySchema },
      },
    },
    (request) => keys.revoke(actorOf(request), request.params.id, contextOf(request)),
  );
}
