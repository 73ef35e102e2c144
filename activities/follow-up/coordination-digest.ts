import {
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  WorkflowNotFoundError,
} from '@temporalio/client';
import {
  getDigestSource,
  type CoordinationDigestInput,
  type DigestSource,
} from '../../domain/messages/follow-up';
import { ErrorCodes } from '../../domain/errors';
import type { MessageRecipient } from '../../domain/messages/mail';
import { AssociationDirectory } from '../../stores/association-directory';
import type { ActivityDependencies } from '../dependencies';
import { tableFailure } from '../failures';
import { coordinationDigestWorkflow } from '../../workflows/coordination-digest';
import { checkedInAssociations } from './attendees';

/** gRPC "unimplemented": a server without Schedules (the time-skipping test server). */
const GRPC_UNIMPLEMENTED = 12;

/**
 * Creates the Schedule that runs the coordination digest every `everyHours`, starting one
 * period from now. Creating it again is a no-op. A server without Schedules fails for good
 * (`SchedulesUnsupported`), so the follow-up records the problem instead of retrying for ever.
 */
export async function ensureDigestSchedule(
  deps: ActivityDependencies,
  input: {
    scheduleId: string;
    digest: CoordinationDigestInput;
    taskQueue: string;
    everyHours: number;
  },
): Promise<{ created: boolean }> {
  try {
    await deps.temporal.schedule.create({
      scheduleId: input.scheduleId,
      spec: { intervals: [{ every: `${input.everyHours}h` }] },
      action: {
        type: 'startWorkflow',
        workflowType: coordinationDigestWorkflow,
        args: [input.digest],
        taskQueue: input.taskQueue,
        workflowId: input.scheduleId,
        workflowExecutionTimeout: '1 day',
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      memo: { eventId: input.digest.eventId, recommendationId: input.digest.recommendationId },
      state: {
        note: `coordination digest of ${input.digest.eventId} / ${input.digest.recommendationId}`,
      },
    });
    return { created: true };
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return { created: false };
    if ((error as { code?: number }).code === GRPC_UNIMPLEMENTED)
      throw tableFailure(
        ErrorCodes.schedulesUnsupported,
        `this Temporal server has no Schedules: ${(error as Error).message}`,
      );
    throw error;
  }
}

/** Deletes the digest Schedule; one already gone counts as deleted. */
export async function deleteDigestSchedule(
  deps: ActivityDependencies,
  input: { scheduleId: string },
): Promise<{ deleted: boolean }> {
  try {
    await deps.temporal.schedule.getHandle(input.scheduleId).delete();
    return { deleted: true };
  } catch (error) {
    if (error instanceof ScheduleNotFoundError) return { deleted: false };
    throw error;
  }
}

/** What the follow-up holds for the next digest; `undefined` once it has ended. */
export async function readDigestSource(
  deps: ActivityDependencies,
  input: { followUpWorkflowId: string },
): Promise<DigestSource | undefined> {
  try {
    const handle = deps.temporal.workflow.getHandle(input.followUpWorkflowId);
    const description = await handle.describe();
    if (description.status.name !== 'RUNNING') return undefined;
    return await handle.query(getDigestSource);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return undefined;
    throw error;
  }
}

/**
 * One page of the associations that attended `eventId`, as digest recipients, in a stable
 * order (by id) so a retried run walks the same pages.
 */
export async function listAttendeeRecipients(
  deps: ActivityDependencies,
  input: { eventId: string; offset: number; limit: number },
): Promise<{ recipients: MessageRecipient[]; total: number; nextOffset?: number }> {
  const attended = await checkedInAssociations(deps.temporal, input.eventId);
  const ids = [...attended.keys()].sort();
  const page = ids.slice(input.offset, input.offset + input.limit);
  const directory = new AssociationDirectory(deps.redis, deps.config.REDIS_PREFIX);
  const records = await directory.getMany(page);
  const recipients: MessageRecipient[] = [];
  for (const record of records) {
    if (!record) continue;
    recipients.push({
      id: record.id,
      kind: 'association',
      name: record.contactName ?? record.name,
      email: record.email,
      language: record.preferredLanguage,
    });
  }
  const next = input.offset + input.limit;
  return {
    recipients,
    total: ids.length,
    ...(next < ids.length ? { nextOffset: next } : {}),
  };
}
