import { z } from 'zod';
import { FreeTextSchema, SlugSchema } from '../domain/common';
import { CheckInSchema, type CheckIn, type CheckInOutcome } from '../domain/attendance';
import {
  checkIn,
  submitSurveyResponse,
  type SurveyResponse,
  type SurveyResults,
} from '../domain/messages/attendance';
import { workflowIds } from '../domain/workflow-ids';
import type { Connections } from './connections';
import { checkTaxonomyValue } from './taxonomy-checks';
import { taxonomyOf } from './taxonomy-file';
import { parseOrThrow } from './validation';
import { withWorkflowErrors } from './workflow-errors';

export const SurveyResponseSchema = z
  .object({
    associationId: SlugSchema,
    rating: z.coerce.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5'),
    comments: FreeTextSchema.max(2000).optional(),
  })
  .strict();

function attendance(connections: Connections, eventId: string) {
  return connections.temporal.workflow.getHandle(workflowIds.attendance(eventId));
}

/** Checks an association (or a walk-in) in at the door; a second check-in is not counted. */
export async function recordCheckIn(
  connections: Connections,
  eventId: string,
  input: unknown,
): Promise<CheckInOutcome> {
  const entry: CheckIn = parseOrThrow(CheckInSchema, input);
  if (entry.walkIn) {
    const taxonomy = taxonomyOf(connections.config);
    entry.walkIn = {
      ...entry.walkIn,
      province: checkTaxonomyValue(taxonomy, 'province', entry.walkIn.province, 'walkIn.province'),
      sector: checkTaxonomyValue(taxonomy, 'sector', entry.walkIn.sector, 'walkIn.sector'),
    };
  }
  return withWorkflowErrors(`attendance of training day "${eventId}"`, () =>
    attendance(connections, eventId).executeUpdate(checkIn, { args: [entry] }),
  );
}

/** Records an attendee's survey answer (from the thank-you message's signed link). */
export async function recordSurveyResponse(
  connections: Connections,
  eventId: string,
  input: unknown,
): Promise<SurveyResults> {
  const response: SurveyResponse = parseOrThrow(SurveyResponseSchema, input);
  return withWorkflowErrors(`attendance of training day "${eventId}"`, () =>
    attendance(connections, eventId).executeUpdate(submitSurveyResponse, { args: [response] }),
  );
}
