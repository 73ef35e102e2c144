import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { LocalDateSchema, SlugSchema } from '../../domain/common';
import { FollowUpOutcomeSchema } from '../../domain/follow-up';
import {
  DigestNewsSchema,
  FollowUpDueDateSchema,
  FollowUpProgressSchema,
  NextTrainingDayRequestSchema,
} from '../../domain/follow-up-commands';
import * as messages from '../../domain/messages/follow-up';
import type {
  DigestNewsItem,
  FollowUpView,
  NextTrainingDayCreated,
  VisitView,
} from '../../domain/messages/follow-up';
import { getTrainingDayStatus } from '../../domain/messages/training-day';
import {
  VisitCancellationSchema,
  VisitInvitationAnswerSchema,
  VisitPairingOverrideSchema,
  VisitReportSchema,
  VisitScheduleRequestSchema,
  type VisitSummary,
} from '../../domain/networking-visit';
import { localToInstant } from '../../domain/schedule';
import { workflowIds } from '../../domain/workflow-ids';
import { parseOrThrow, ValidationError } from '../validation';
import { withWorkflowErrors } from '../workflow-errors';
import type { Connections } from '../connections';

/** Which follow-up: the training day and the recommendation's id. */
export interface FollowUpRef {
  eventId: string;
  recommendationId: string;
}

/** Which networking visit: the training day and the visit's id (`visit-1`, ...). */
export interface VisitRef {
  eventId: string;
  visitId: string;
}

const FollowUpRefSchema = z.object({ eventId: SlugSchema, recommendationId: SlugSchema });
const VisitRefSchema = z.object({ eventId: SlugSchema, visitId: SlugSchema });

function followUpHandle(client: Client, ref: FollowUpRef) {
  const { eventId, recommendationId } = parseOrThrow(FollowUpRefSchema, ref);
  return {
    handle: client.workflow.getHandle(workflowIds.followUp(eventId, recommendationId)),
    what: `follow-up "${recommendationId}" of training day "${eventId}"`,
  };
}

function visitHandle(client: Client, ref: VisitRef) {
  const { eventId, visitId } = parseOrThrow(VisitRefSchema, ref);
  return {
    handle: client.workflow.getHandle(workflowIds.networkingVisit(eventId, visitId)),
    what: `visit "${visitId}" of training day "${eventId}"`,
  };
}

/** One follow-up as the coordinator sees it. */
export async function readFollowUp(
  { temporal: client }: Pick<Connections, 'temporal'>,
  ref: FollowUpRef,
): Promise<FollowUpView> {
  const { handle, what } = followUpHandle(client, ref);
  return withWorkflowErrors(what, () => handle.query(messages.getFollowUpView));
}

/** Every follow-up of a training day, in the order of its recommendations. */
export async function listFollowUps(
  { temporal: client }: Pick<Connections, 'temporal'>,
  eventId: string,
): Promise<FollowUpView[]> {
  const id = parseOrThrow(SlugSchema, eventId, 'eventId');
  const status = await withWorkflowErrors(`training day "${id}"`, () =>
    client.workflow.getHandle(workflowIds.trainingDay(id)).query(getTrainingDayStatus),
  );
  const ids = [
    ...new Set([
      ...status.recommendations.map((recommendation) => recommendation.id),
      ...status.followUps.map((followUp) => followUp.recommendationId),
    ]),
  ];
  const views = await Promise.all(
    ids.map((recommendationId) =>
      readFollowUp({ temporal: client }, { eventId: id, recommendationId }).catch(() => undefined),
    ),
  );
  return views.filter((view): view is FollowUpView => view !== undefined);
}

/** Closes a follow-up as done or dropped, with its outcome (`{ status, outcome }`). */
export async function closeFollowUp(
  { temporal: client }: Pick<Connections, 'temporal'>,
  ref: FollowUpRef,
  input: unknown,
): Promise<FollowUpView> {
  const outcome = parseOrThrow(FollowUpOutcomeSchema, input);
  const { handle, what } = followUpHandle(client, ref);
  return withWorkflowErrors(what, () =>
    handle.executeUpdate(messages.closeFollowUp, { args: [outcome] }),
  );
}

/** Marks a follow-up as in progress, with an optional note (`{ note? }`). */
export async function markFollowUpInProgress(
  { temporal: client }: Pick<Connections, 'temporal'>,
  ref: FollowUpRef,
  input: unknown = {},
): Promise<FollowUpView> {
  const progress = parseOrThrow(FollowUpProgressSchema, input);
  const { handle, what } = followUpHandle(client, ref);
  return withWorkflowErrors(what, () =>
    handle.executeUpdate(messages.markFollowUpInProgress, { args: [progress] }),
  );
}

const DueDateInputSchema = z.union([
  FollowUpDueDateSchema,
  z
    .object({
      /** A day, due at its end (23:59) in the training day's time zone. */
      dueDate: LocalDateSchema,
      reason: FollowUpDueDateSchema.shape.reason,
    })
    .strict(),
]);

/** Moves a follow-up's due date: `{ dueAt }` (an instant) or `{ dueDate }` (a day), `reason?`. */
export async function changeFollowUpDueDate(
  { temporal: client }: Pick<Connections, 'temporal'>,
  ref: FollowUpRef,
  input: unknown,
): Promise<FollowUpView> {
  const change = parseOrThrow(DueDateInputSchema, input);
  const { handle, what } = followUpHandle(client, ref);
  let dueAt: string;
  if ('dueDate' in change) {
    const view = await withWorkflowErrors(what, () => handle.query(messages.getFollowUpView));
    dueAt = localToInstant(change.dueDate, '23:59', view.event.timeZone);
  } else dueAt = change.dueAt;
  const command = parseOrThrow(FollowUpDueDateSchema, {
    dueAt,
    ...(change.reason ? { reason: change.reason } : {}),
  });
  return withWorkflowErrors(what, () =>
    handle.executeUpdate(messages.changeFollowUpDueDate, { args: [command] }),
  );
}

/** Adds an item to the next coordination digest (`{ title, body, link? }`). */
export async function addCoordinationNews(
  { temporal: client }: Pick<Connections, 'temporal'>,
  ref: FollowUpRef,
  input: unknown,
): Promise<DigestNewsItem> {
  const news = parseOrThrow(DigestNewsSchema, input);
  const { handle, what } = followUpHandle(client, ref);
  return withWorkflowErrors(what, () =>
    handle.executeUpdate(messages.addDigestNews, { args: [news] }),
  );
}

/** Starts the next training day as a draft from a further-training or capacity-building follow-up. */
export async function createNextTrainingDay(
  { temporal: client }: Pick<Connections, 'temporal'>,
  ref: FollowUpRef,
  input: unknown = {},
): Promise<NextTrainingDayCreated> {
  const request = parseOrThrow(NextTrainingDayRequestSchema, input);
  const { handle, what } = followUpHandle(client, ref);
  return withWorkflowErrors(what, () =>
    handle.executeUpdate(messages.createNextTrainingDay, { args: [request] }),
  );
}

/** Proposes a networking visit by hand (`{ hostId, visitorIds, reason? }`). */
export async function proposeVisit(
  { temporal: client }: Pick<Connections, 'temporal'>,
  ref: FollowUpRef,
  input: unknown,
): Promise<VisitSummary> {
  const pairing = parseOrThrow(VisitPairingOverrideSchema, input);
  const { handle, what } = followUpHandle(client, ref);
  return withWorkflowErrors(what, () =>
    handle.executeUpdate(messages.proposeVisit, { args: [pairing] }),
  );
}

/** One networking visit: pairing, answers, date and place, report. */
export async function readVisit(
  { temporal: client }: Pick<Connections, 'temporal'>,
  ref: VisitRef,
): Promise<VisitView> {
  const { handle, what } = visitHandle(client, ref);
  return withWorkflowErrors(what, () => handle.query(messages.getVisitView));
}

/** Sends a proposed visit's invitations now, without waiting out the review period. */
export async function approveVisitPairing(
  { temporal: client }: Pick<Connections, 'temporal'>,
  ref: VisitRef,
): Promise<VisitView> {
  const { handle, what } = visitHandle(client, ref);
  return withWorkflowErrors(what, () =>
    handle.executeUpdate(messages.approveVisitPairing, { args: [] }),
  );
}

/** Replaces a visit's host and visitors (`{ hostId, visitorIds, reason? }`). */
export async function overrideVisitPairing(
  { temporal: client }: Pick<Connections, 'temporal'>,
  ref: VisitRef,
  input: unknown,
): Promise<VisitView> {
  const pairing = parseOrThrow(VisitPairingOverrideSchema, input);
  const { handle, what } = visitHandle(client, ref);
  return withWorkflowErrors(what, () =>
    handle.executeUpdate(messages.overrideVisitPairing, { args: [pairing] }),
  );
}

/** Records an association's answer (`{ associationId, answer: confirm|decline, note? }`). */
export async function answerVisitInvitation(
  { temporal: client }: Pick<Connections, 'temporal'>,
  ref: VisitRef,
  input: unknown,
): Promise<VisitView> {
  const answer = parseOrThrow(VisitInvitationAnswerSchema, input);
  const { handle, what } = visitHandle(client, ref);
  return withWorkflowErrors(what, () =>
    handle.executeUpdate(messages.answerVisitInvitation, { args: [answer] }),
  );
}

/**
 * Fixes a visit's date and place (`{ date, time, place, note? }`), the time read in the
 * training day's time zone.
 */
export async function scheduleVisit(
  { temporal: client }: Pick<Connections, 'temporal'>,
  ref: VisitRef,
  input: unknown,
): Promise<VisitView> {
  const request = parseOrThrow(VisitScheduleRequestSchema, input);
  const { handle, what } = visitHandle(client, ref);
  const view = await withWorkflowErrors(what, () => handle.query(messages.getVisitView));
  let startsAt: string;
  try {
    startsAt = localToInstant(request.date, request.time, view.timeZone);
  } catch (error) {
    throw new ValidationError([{ field: 'date', message: (error as Error).message }]);
  }
  return withWorkflowErrors(what, () =>
    handle.executeUpdate(messages.scheduleVisit, { args: [{ ...request, startsAt }] }),
  );
}

/** Records the short report of a visit that took place (`{ summary, participants?, nextSteps? }`). */
export async function recordVisitReport(
  { temporal: client }: Pick<Connections, 'temporal'>,
  ref: VisitRef,
  input: unknown,
): Promise<VisitView> {
  const report = parseOrThrow(VisitReportSchema, input);
  const { handle, what } = visitHandle(client, ref);
  return withWorkflowErrors(what, () =>
    handle.executeUpdate(messages.recordVisitReport, { args: [report] }),
  );
}

/** Calls a visit off (`{ reason }`). */
export async function cancelVisit(
  { temporal: client }: Pick<Connections, 'temporal'>,
  ref: VisitRef,
  input: unknown,
): Promise<VisitView> {
  const cancellation = parseOrThrow(VisitCancellationSchema, input);
  const { handle, what } = visitHandle(client, ref);
  return withWorkflowErrors(what, () =>
    handle.executeUpdate(messages.cancelVisit, { args: [cancellation] }),
  );
}
