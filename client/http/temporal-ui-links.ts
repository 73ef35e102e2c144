import type { Config } from '../../domain/config';
import type { TrainingDayStatus } from '../../domain/messages/training-day';
import { workflowIds } from '../../domain/workflow-ids';

/** A link to one workflow of a training day in the Temporal Web UI. */
export interface WorkflowLink {
  kind:
    | 'training-day'
    | 'partner'
    | 'speaker-slot'
    | 'invitations'
    | 'seats'
    | 'attendance'
    | 'follow-up';
  label: string;
  workflowId: string;
  url: string;
}

/** The Web UI address of a workflow. */
export function temporalUiUrl(
  config: Pick<Config, 'TEMPORAL_UI_URL' | 'TEMPORAL_NAMESPACE'>,
  workflowId: string,
): string {
  const base = config.TEMPORAL_UI_URL.replace(/\/+$/, '');
  return `${base}/namespaces/${encodeURIComponent(config.TEMPORAL_NAMESPACE)}/workflows/${encodeURIComponent(workflowId)}`;
}

/** Every workflow of a training day, as far as its status tells, with Web UI links. */
export function workflowLinks(
  config: Pick<Config, 'TEMPORAL_UI_URL' | 'TEMPORAL_NAMESPACE'>,
  status: TrainingDayStatus,
): WorkflowLink[] {
  const { eventId } = status;
  const links: Array<Omit<WorkflowLink, 'url'>> = [
    { kind: 'training-day', label: eventId, workflowId: workflowIds.trainingDay(eventId) },
    ...status.partners.map((partner) => ({
      kind: 'partner' as const,
      label: partner.partnerId,
      workflowId: workflowIds.partner(eventId, partner.partnerId),
    })),
    ...status.speakers.map((slot) => ({
      kind: 'speaker-slot' as const,
      label: slot.agendaItemId,
      workflowId: workflowIds.speakerSlot(eventId, slot.agendaItemId),
    })),
    ...Array.from({ length: status.registration.shards }, (_, shard) => ({
      kind: 'invitations' as const,
      label: `shard ${shard}`,
      workflowId: workflowIds.invitationShard(eventId, shard),
    })),
  ];
  if (status.registration.shards > 0)
    links.push({
      kind: 'seats',
      label: 'seat ledger',
      workflowId: workflowIds.seatLedger(eventId),
    });
  const attendancePhases = ['in-progress', 'closed', 'following-up', 'completed'];
  if (attendancePhases.includes(status.phase) || status.attendance.checkedIn > 0)
    links.push({
      kind: 'attendance',
      label: 'attendance',
      workflowId: workflowIds.attendance(eventId),
    });
  for (const followUp of status.followUps)
    links.push({
      kind: 'follow-up',
      label: followUp.recommendationId,
      workflowId: followUp.workflowId,
    });
  return links.map((link) => ({ ...link, url: temporalUiUrl(config, link.workflowId) }));
}
