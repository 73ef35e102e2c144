import { z } from 'zod';
import { ERROR_CODES } from '../../domain/errors';
import type { RouteSpec } from './route-registry';

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const object = jsonSchema(schema) as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (object.required ?? []).includes(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}

const ERROR_BODY = {
  type: 'object',
  required: ['error', 'message'],
  properties: {
    error: {
      type: 'string',
      enum: ERROR_CODES,
      description: 'stable code from the error table (docs/api.md, "Error codes")',
    },
    message: { type: 'string' },
    problems: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

/** The OpenAPI 3.1 document of the routes, with request schemas written from their zod schemas. */
export function buildOpenApiDocument(
  routes: readonly RouteSpec[],
  info: { title: string; version: string; serverUrl?: string },
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    if (route.hidden) continue;
    const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(route.responses)) {
      const mediaType = response.mediaType ?? 'application/json';
      responses[status] = {
        description: response.description,
        content: { [mediaType]: Number(status) >= 400 ? { schema: ERROR_BODY } : {} },
      };
    }
    if (route.body || route.params || route.query)
      responses['400'] ??= {
        description: 'invalid input; `problems` names each field',
        content: { 'application/json': { schema: ERROR_BODY } },
      };
    if (route.access !== 'public') {
      responses['401'] ??= {
        description: 'no API key, or an unknown one',
        content: { 'application/json': { schema: ERROR_BODY } },
      };
      if (route.access === 'coordinator')
        responses['403'] ??= {
          description: 'a viewer key: only coordinators act',
          content: { 'application/json': { schema: ERROR_BODY } },
        };
    }
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      summary: route.summary,
      tags: [route.tag],
      operationId: `${route.method.toLowerCase()}${path
        .split(/[/{}-]+/)
        .filter(Boolean)
        .map((part) => part[0]!.toUpperCase() + part.slice(1))
        .join('')}`,
      ...(route.access === 'public' ? { security: [] } : { 'x-required-role': route.access }),
      parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
      ...(route.body || route.bodyMediaType
        ? {
            requestBody: {
              required: true,
              content: {
                [route.bodyMediaType ?? 'application/json']: {
                  schema: route.body ? jsonSchema(route.body) : { type: 'string' },
                },
              },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: info.title,
      version: info.version,
      description:
        'Coordinators act with a coordinator key; viewers only read. Send the key as `Authorization: Bearer <key>` or `x-api-key`. Public link pages (RSVP, check-in, survey) need a signed token instead.',
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    security: [{ bearer: [] }, { apiKey: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
      },
    },
    paths,
  };
}
