import { SlugSchema } from '../../domain/common';
import { PartnerAnswerSchema } from '../../domain/lifecycle-commands';
import { answerPartnerRequest, type PartnerAnswer } from '../../domain/messages/partner';
import type { PartnerView } from '../../domain/messages/training-day';
import { workflowIds } from '../../domain/workflow-ids';
import type { Connections } from '../connections';
import { parseOrThrow } from '../validation';
import { withWorkflowErrors } from '../workflow-errors';

export { PartnerAnswerSchema };

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
