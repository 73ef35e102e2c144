import {
  getSurveyResults,
  listCheckIns,
  type SurveyResults,
} from '../../domain/messages/attendance';
import { getFollowUpView, type FollowUpView } from '../../domain/messages/follow-up';
import { listInvitees } from '../../domain/messages/registration';
import { getTrainingDayStatus, type TrainingDayStatus } from '../../domain/messages/training-day';
import {
  buildProgrammeReport,
  buildTrainingDayReport as buildReportModel,
  HELD_PHASES,
  type InviteeTally,
  type ProgrammeReport,
  type TrainingDayReport,
} from '../../domain/report';
import { workflowIds } from '../../domain/workflow-ids';
import { withWorkflowErrors } from '../workflow-errors';
import type { Connections } from '../connections';

export { renderProgrammeReportHtml, renderTrainingDayReportHtml } from '../report/render-report';

const INVITEE_PAGE = 500;
/** Training days read at once for the programme view: the dev server answers one connection. */
const PROGRAMME_CONCURRENCY = 4;

/** A query that may fairly be unanswerable (a workflow not started yet, or gone): undefined. */
async function optional<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch {
    return undefined;
  }
}

/**
 * Invited and accepted associations by province and sector, counted from the invitation shards;
 * invitees still `pending` were never sent an invitation and are not counted.
 */
export async function tallyInvitees(
  { temporal: client }: Pick<Connections, 'temporal'>,
  eventId: string,
  shards: number,
): Promise<InviteeTally> {
  const tally: InviteeTally = { byProvince: {}, bySector: {} };
  const add = (table: InviteeTally['byProvince'], key: string, accepted: boolean) => {
    const row = (table[key] ??= { invited: 0, accepted: 0 });
    row.invited += 1;
    if (accepted) row.accepted += 1;
  };
  for (let shard = 0; shard < shards; shard += 1) {
    const handle = client.workflow.getHandle(workflowIds.invitationShard(eventId, shard));
    for (let offset = 0; ; offset += INVITEE_PAGE) {
      const page = await handle.query(listInvitees, { offset, limit: INVITEE_PAGE });
      for (const invitee of page) {
        // Never sent an invitation (it came due after the deadline): not invited.
        if (invitee.status === 'pending') continue;
        const accepted = invitee.status === 'accepted';
        add(tally.byProvince, invitee.province, accepted);
        add(tally.bySector, invitee.sector, accepted);
      }
      if (page.length < INVITEE_PAGE) break;
    }
  }
  return tally;
}

/** The follow-up views of a day's recommendations, by recommendation id (those that answer). */
export async function readFollowUpViews(
  { temporal: client }: Pick<Connections, 'temporal'>,
  status: TrainingDayStatus,
): Promise<Record<string, FollowUpView>> {
  const ids = new Set([
    ...status.recommendations.map((recommendation) => recommendation.id),
    ...status.followUps.map((followUp) => followUp.recommendationId),
  ]);
  const views: Record<string, FollowUpView> = {};
  await Promise.all(
    [...ids].map(async (id) => {
      const view = await optional(() =>
        client.workflow.getHandle(workflowIds.followUp(status.eventId, id)).query(getFollowUpView),
      );
      if (view) views[id] = view;
    }),
  );
  return views;
}

/**
 * Reads everything a training day's report shows from its running (or finished) workflows:
 * the day's status, the survey results of its attendance, each recommendation's follow-up,
 * and, before the day has a closing summary, the invitees by province and sector. Fails with
 * `NotFound` for an unknown event.
 */
export async function buildTrainingDayReport(
  { temporal: client }: Pick<Connections, 'temporal'>,
  eventId: string,
  options: { now?: () => Date } = {},
): Promise<TrainingDayReport> {
  const status = await withWorkflowErrors(`training day "${eventId}"`, () =>
    client.workflow.getHandle(workflowIds.trainingDay(eventId)).query(getTrainingDayStatus),
  );
  const [survey, followUps, invitees] = await Promise.all([
    optional<SurveyResults>(() =>
      client.workflow.getHandle(workflowIds.attendance(eventId)).query(getSurveyResults),
    ),
    readFollowUpViews({ temporal: client }, status),
    status.summary || status.registration.shards === 0
      ? Promise.resolve(undefined)
      : optional(() => tallyInvitees({ temporal: client }, eventId, status.registration.shards)),
  ]);
  const brief = Object.values(followUps)[0]?.event;
  return buildReportModel({
    status,
    followUps,
    ...(survey ? { survey } : {}),
    ...(invitees ? { invitees } : {}),
    ...(brief ? { brief } : {}),
    generatedAt: (options.now?.() ?? new Date()).toISOString(),
  });
}

async function inBatches<T, R>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size)
    results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  return results;
}

/**
 * The programme view: every training day on the server (running or finished), days held,
 * associations reached (each counted once across days) and recommendations closed.
 */
export async function buildProgrammeView(
  { temporal: client }: Pick<Connections, 'temporal'>,
  options: { now?: () => Date; query?: string } = {},
): Promise<ProgrammeReport> {
  const workflowIdsFound: string[] = [];
  const query = options.query ?? `WorkflowType = 'trainingDayWorkflow'`;
  for await (const execution of client.workflow.list({ query })) {
    // One training day may have several runs (continue-as-new): the id is the day.
    if (!workflowIdsFound.includes(execution.workflowId))
      workflowIdsFound.push(execution.workflowId);
  }
  const days = await inBatches(workflowIdsFound, PROGRAMME_CONCURRENCY, async (workflowId) => {
    const status = await optional(() =>
      client.workflow.getHandle(workflowId).query(getTrainingDayStatus),
    );
    if (!status) return undefined;
    const checkIns = HELD_PHASES.includes(status.phase)
      ? await optional(() =>
          client.workflow.getHandle(workflowIds.attendance(status.eventId)).query(listCheckIns),
        )
      : undefined;
    return {
      status,
      ...(checkIns
        ? { attendedAssociationIds: checkIns.map((checkIn) => checkIn.associationId) }
        : {}),
    };
  });
  return buildProgrammeReport(
    days.filter((day): day is NonNullable<typeof day> => day !== undefined),
    (options.now?.() ?? new Date()).toISOString(),
  );
}
