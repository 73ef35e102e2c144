import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { listCheckIns } from '../../domain/messages/attendance';
import { getTrainingDayStatus } from '../../domain/messages/training-day';
import { workflowIds } from '../../domain/workflow-ids';

/** How far back along `previousEventId` an association's experience is counted. */
export const EXPERIENCE_DEPTH = 5;

/**
 * Ids of the associations checked in at a day (with the people each sent), from its attendance
 * workflow. A day without an attendance workflow had no check-ins to read: empty.
 */
export async function checkedInAssociations(
  temporal: Client,
  eventId: string,
): Promise<Map<string, { attendees: number; province: string; sector: string }>> {
  const found = new Map<string, { attendees: number; province: string; sector: string }>();
  try {
    const checkIns = await temporal.workflow
      .getHandle(workflowIds.attendance(eventId))
      .query(listCheckIns);
    for (const checkIn of checkIns) {
      const before = found.get(checkIn.associationId);
      found.set(checkIn.associationId, {
        attendees: (before?.attendees ?? 0) + checkIn.attendees,
        province: checkIn.province,
        sector: checkIn.sector,
      });
    }
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
  return found;
}

/**
 * The days before `eventId` along the further-training chain (`previousEventId`), nearest
 * first, at most `depth`. A day that can no longer be read ends the chain.
 */
export async function previousEventIds(
  temporal: Client,
  eventId: string,
  depth = EXPERIENCE_DEPTH,
): Promise<string[]> {
  const chain: string[] = [];
  let current = eventId;
  while (chain.length < depth) {
    let previous: string | undefined;
    try {
      const status = await temporal.workflow
        .getHandle(workflowIds.trainingDay(current))
        .query(getTrainingDayStatus);
      previous = status.previousEventId;
    } catch {
      break;
    }
    if (!previous || chain.includes(previous) || previous === eventId) break;
    chain.push(previous);
    current = previous;
  }
  return chain;
}
