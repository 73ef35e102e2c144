import { z } from 'zod';
import { LanguageSchema } from '../../../domain/common';
import { MessagePreviewRequestSchema, previewMessage } from '../../use-cases/message-preview';
import { trainingDayListQuery } from '../../use-cases/rebuild-projections';
import {
  buildProgrammeView,
  buildTrainingDayReport,
  renderProgrammeReportHtml,
  renderTrainingDayReportHtml,
} from '../../use-cases/report';
import { taxonomyOf } from '../../taxonomy-file';
import type { HttpContext } from '../http-context';
import { EventParams } from './events';

const Format = z.enum(['html', 'json']).default('html');
const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Reports and message previews: what coordinators print and check. */
export function registerDocumentRoutes({ routes, connections }: HttpContext): void {
  routes.add(
    {
      method: 'GET',
      url: '/api/events/:eventId/report',
      summary: "A training day's report: printable HTML (default) or its model as JSON",
      tag: 'reports',
      access: 'viewer',
      params: EventParams,
      query: z.object({ language: LanguageSchema.default('fr'), format: Format }).strict(),
      responses: {
        200: { description: 'the report', mediaType: 'text/html' },
        404: { description: 'no such training day' },
      },
    },
    async ({ params, query, reply }) => {
      const report = await buildTrainingDayReport(connections, params.eventId);
      if (query.format === 'json') return report;
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', REPORT_CSP)
        .send(renderTrainingDayReportHtml(report, query.language, taxonomyOf(connections.config)));
    },
  );

  routes.add(
    {
      method: 'GET',
      url: '/api/programme',
      summary: 'The programme: every training day, associations reached, recommendations closed',
      tag: 'reports',
      access: 'viewer',
      query: z.object({ language: LanguageSchema.default('fr'), format: Format }).strict(),
      responses: { 200: { description: 'the programme view', mediaType: 'text/html' } },
    },
    async ({ query, reply }) => {
      const programme = await buildProgrammeView(connections, {
        query: trainingDayListQuery(connections.config.TEMPORAL_TASK_QUEUE),
      });
      if (query.format === 'json') return programme;
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', REPORT_CSP)
        .send(
          renderProgrammeReportHtml(
            programme,
            query.language,
            undefined,
            taxonomyOf(connections.config),
          ),
        );
    },
  );

  routes.add(
    {
      method: 'GET',
      url: '/api/events/:eventId/messages/preview',
      summary:
        'Render a message as it would be sent now, without sending it (format=html for the HTML body)',
      tag: 'messages',
      access: 'coordinator',
      params: EventParams,
      query: MessagePreviewRequestSchema.extend({
        format: z.enum(['html', 'json']).default('json'),
      }),
      responses: {
        200: { description: '{ subject, language, direction, to, text, html, links }' },
        404: { description: 'no such training day or recipient' },
      },
    },
    async ({ params, query, reply }) => {
      const { format, ...request } = query;
      const preview = await previewMessage(connections, params.eventId, request);
      if (format === 'html')
        return reply
          .type('text/html; charset=utf-8')
          .header('content-security-policy', REPORT_CSP)
          .send(preview.html);
      return preview;
    },
  );
}
