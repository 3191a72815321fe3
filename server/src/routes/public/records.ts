import {
  PUBLIC_PATHS,
  PUBLIC_RECORD_SCHEMAS,
  PUBLIC_RESOURCES,
  clientRecordSchema,
  createClientRequestSchema,
  publicListQuerySchema,
  publicListResponseSchema,
} from '../../../../shared/api';
import { moduleByKey, type ModuleKey } from '../../../../shared/domain';
import type { ServerContext } from '../../server-context';
import { BODY_ERRORS, errors, type ZodApp } from '../types';

const security = [{ identificationToken: [] }];

export function recordRoutes(app: ZodApp, ctx: ServerContext): void {
  for (const resource of PUBLIC_RESOURCES) {
    // Each public path is named after the module whose view right it needs.
    const module: ModuleKey = resource;
    app.get(PUBLIC_PATHS.resource(resource), {
      config: { needed: { module, right: 'view_own' } },
      schema: {
        tags: ['public'],
        summary: `List ${moduleByKey(module).name}`,
        description: `Needs View own or View all on ${moduleByKey(module).name}.`,
        security,
        querystring: publicListQuerySchema,
        response: { 200: publicListResponseSchema(PUBLIC_RECORD_SCHEMAS[resource]), ...errors(400, 401, 403, 429) },
      },
    }, async (request) => {
      const page = await ctx.records.list(resource, request.query.limit, request.query.offset);
      return { items: PUBLIC_RECORD_SCHEMAS[resource].array().parse(page.items), total: page.total };
    });
  }

  app.post(PUBLIC_PATHS.resource('clients'), {
    config: { needed: { module: 'clients', right: 'create_edit' } },
    schema: {
      tags: ['public'],
      summary: 'Create a client',
      description: 'Needs Create/Edit (or Manage own / Manage all) on Clients.',
      security,
      body: createClientRequestSchema,
      response: { 201: clientRecordSchema, ...errors(...BODY_ERRORS, 401, 403, 429) },
    },
  }, async (request, reply) => {
    const record = await ctx.records.createClient(request.body);
    return reply.code(201).send(clientRecordSchema.parse(record));
  });
}
