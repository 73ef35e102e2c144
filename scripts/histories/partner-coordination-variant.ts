import { proxyActivities, sleep } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { PartnerCoordinationInput } from '../../domain/messages/partner';

const { sendMessage } = proxyActivities<Pick<Activities, 'sendMessage'>>({
  startToCloseTimeout: '1 minute',
});

/**
 * A variant of `partnerCoordinationWorkflow` that waits before asking the partner: recorded
 * under the real workflow's name, its history must fail to replay against the real code. It is
 * the history in test/histories/broken/ that proves the replay test can fail.
 */
export async function partnerCoordinationWorkflow(input: PartnerCoordinationInput): Promise<void> {
  await sleep('1 minute');
  await sendMessage({
    purpose: 'partner-request',
    event: input.event,
    recipient: {
      id: input.partner.id,
      kind: 'partner',
      name: input.partner.contactName,
      email: input.partner.email,
      language: input.partner.language,
    },
    revision: 0,
  });
}
