import { z } from 'zod';
import { SingleLineTextSchema, SlugSchema } from '../../domain/common';
import { answerPartnerRequest, type PartnerAnswer } from '../../domain/messages/partner';
import type { PartnerView } from '../../domain/messages/training-day';
import { ContributionSchema } from '../../domain/partner';
import { workflowIds } from '../../domain/workflow-ids';
import type { Connections } from '../connections';
import { parseOrThrow } from '../validation';
import { withWorkflowErrors } from '../workflow-errors';

/** A partner institution's answer, as a coordinator records it. */
export const PartnerAnswerSchema = z.discriminatedUnion('answer', [
  z
    .object({
      answer: z.literal('confirm'),
      contributions: z.array(ContributionSchema).min(1, 'name at least one contribution'),
      note: SingleLineTextSchema.optional(),
    })
    .strict(),
  z.object({ answer: z.literal('decline'), note: SingleLineTextSchema.optional() }).strict(),
]);

/** Records a partner's confirmation or decline on its coordination workflow. */
export async function answerPartner(
  connections: Connections,
  eventId: string,
  partnerId: string,
  input: unknown,
): Promise<PartnerView> {
  parseOrThrow(SlugSchema, partnerId, 'partnerId');
  const answer: PartnerAnswer = parseOrThrow(PartnerAnswerSchema, input);
  return withWorkflowErrors(`partner "${partnerId}" of training day "${eventId}"`, () =>
    connections.temporal.workflow
      .getHandle(workflowIds.partner(eventId, partnerId))
      .executeUpdate(answerPartnerRequest, { args: [answer] }),
  );
}
