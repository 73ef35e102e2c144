import type { Activities } from '../activities';
import {
  digestSent,
  type CoordinationDigestInput,
  type CoordinationDigestResult,
} from '../domain/messages/follow-up';
import { scopedRevision } from '../domain/follow-up-policy';
import { DIGEST_PAGE_SIZE } from '../domain/workflow-tuning';
import { digestMail, lookups, partnerRecipient, signalQuietly } from './kit';

/**
 * One coordination digest, run by the follow-up's Schedule: the news coordinators added since
 * the last digest, to the partners and to the associations that attended the day. Nothing is
 * sent when there is no news or the follow-up has closed. The digest's revision is the last
 * news item it carries, so a retried or repeated run never mails anyone twice.
 */
export async function coordinationDigestWorkflow(
  input: CoordinationDigestInput,
): Promise<CoordinationDigestResult> {
  const source = await lookups.readDigestSource({ followUpWorkflowId: input.followUpWorkflowId });
  if (!source || source.closed || source.news.length === 0)
    return { sent: 0, undeliverable: 0, upToSeq: source?.digestedUpTo ?? 0 };
  const upToSeq = source.news[source.news.length - 1]!.seq;
  const request = {
    purpose: 'coordination-digest' as const,
    event: source.event,
    revision: scopedRevision(input.recommendationId, upToSeq),
    details: {
      digest: {
        items: source.news.map((item) => ({
          title: item.title,
          body: item.link ? `${item.body}\n${item.link}` : item.body,
        })),
      },
    },
  };
  let sent = 0;
  let undeliverable = 0;
  const tally = (result: { sent: number; alreadySent: number; undeliverable: unknown[] }) => {
    sent += result.sent + result.alreadySent;
    undeliverable += result.undeliverable.length;
  };
  if (source.partners.length > 0)
    tally(
      await digestMail.sendMessageBatch({
        ...request,
        recipients: source.partners.map(partnerRecipient),
      }),
    );
  let offset: number | undefined = 0;
  while (offset !== undefined) {
    const page: Awaited<ReturnType<Activities['listAttendeeRecipients']>> =
      await lookups.listAttendeeRecipients({
        eventId: input.eventId,
        offset,
        limit: DIGEST_PAGE_SIZE,
      });
    if (page.recipients.length > 0)
      tally(await digestMail.sendMessageBatch({ ...request, recipients: page.recipients }));
    offset = page.nextOffset;
  }
  await signalQuietly(input.followUpWorkflowId, digestSent, {
    upToSeq,
    at: new Date().toISOString(),
    recipients: sent,
  });
  return { sent, undeliverable, upToSeq };
}
