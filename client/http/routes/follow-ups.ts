import { z } from 'zod';
import { FreeTextSchema, InstantSchema, LocalDateSchema, SlugSchema } from '../../../domain/common';
import { FollowUpOutcomeSchema } from '../../../domain/follow-up';
import {
  DigestNewsSchema,
  FollowUpProgressSchema,
  NextTrainingDayRequestSchema,
} from '../../../domain/follow-up-commands';
import {
  VisitCancellationSchema,
  VisitInvitationAnswerSchema,
  VisitPairingOverrideSchema,
  VisitReportSchema,
  VisitScheduleRequestSchema,
} from '../../../domain/networking-visit';
import {
  addCoordinationNews,
  answerVisitInvitation,
  approveVisitPairing,
  cancelVisit,
  changeFollowUpDueDate,
  closeFollowUp,
  createNextTrainingDay,
  listFollowUps,
  markFollowUpInProgress,
  proposeVisit,
  readFollowUp,
  readVisit,
  recordVisitReport,
  scheduleVisit,
} from '../../use-cases/follow-ups';
import type { HttpContext } from '../http-context';
import { EventParams } from './events';

const FollowUpParams = z.object({ eventId: SlugSchema, recommendationId: SlugSchema }).strict();
const VisitParams = z.object({ eventId: SlugSchema, visitId: SlugSchema }).strict();
const DueDateBody = z.union([
  z.object({ dueAt: InstantSchema, reason: FreeTextSchema.optional() }).strict(),
  z.object({ dueDate: LocalDateSchema, reason: FreeTextSchema.optional() }).strict(),
]);

/** The follow-up of recommendations and the networking visits they lead to. */
export function registerFollowUpRoutes({ routes, connections }: HttpContext): void {
  const followUpAction = (
    path: string,
    summary: string,
    body: z.ZodType,
    act: (ref: { eventId: string; recommendationId: string }, input: unknown) => Promise<unknown>,
  ) =>
    routes.add(
      {
        method: 'POST',
        url: `/api/events/:eventId/follow-ups/:recommendationId/${path}`,
        summary,
        tag: 'follow-up',
        access: 'coordinator',
        params: FollowUpParams,
        body,
        responses: { 200: { description: 'the follow-up (or what was created)' } },
      },
      async ({ params, request }) => act(params, request.body ?? {}),
    );
  const visitAction = (
    path: string,
    summary: string,
    body: z.ZodType | undefined,
    act: (ref: { eventId: string; visitId: string }, input: unknown) => Promise<unknown>,
  ) =>
    routes.add(
      {
        method: 'POST',
        url: `/api/events/:eventId/visits/:visitId/${path}`,
        summary,
        tag: 'visits',
        access: 'coordinator',
        params: VisitParams,
        ...(body ? { body } : {}),
        responses: { 200: { description: 'the visit' } },
      },
      async ({ params, request }) => act(params, request.body ?? {}),
    );

  routes.add(
    {
      method: 'GET',
      url: '/api/events/:eventId/follow-ups',
      summary: "A training day's follow-ups, one per recommendation",
      tag: 'follow-up',
      access: 'viewer',
      params: EventParams,
      responses: { 200: { description: '{ followUps: FollowUpView[] }' } },
    },
    async ({ params }) => ({ followUps: await listFollowUps(connections, params.eventId) }),
  );
  routes.add(
    {
      method: 'GET',
      url: '/api/events/:eventId/follow-ups/:recommendationId',
      summary: 'One follow-up: status, due date, history, visits, news',
      tag: 'follow-up',
      access: 'viewer',
      params: FollowUpParams,
      responses: {
        200: { description: 'FollowUpView' },
        404: { description: 'no such follow-up' },
      },
    },
    async ({ params }) => readFollowUp(connections, params),
  );
  followUpAction(
    'progress',
    'Work on the follow-up has started',
    FollowUpProgressSchema,
    (ref, input) => markFollowUpInProgress(connections, ref, input),
  );
  followUpAction(
    'close',
    'Close the follow-up as done or dropped, with its outcome',
    FollowUpOutcomeSchema,
    (ref, input) => closeFollowUp(connections, ref, input),
  );
  followUpAction('due', 'Move the due date ({ dueAt } or { dueDate })', DueDateBody, (ref, input) =>
    changeFollowUpDueDate(connections, ref, input),
  );
  followUpAction(
    'news',
    'Add an item to the next coordination digest',
    DigestNewsSchema,
    (ref, input) => addCoordinationNews(connections, ref, input),
  );
  followUpAction(
    'next-day',
    'Start the next training day as a draft',
    NextTrainingDayRequestSchema,
    (ref, input) => createNextTrainingDay(connections, ref, input),
  );
  followUpAction('visits', 'Propose a networking visit', VisitPairingOverrideSchema, (ref, input) =>
    proposeVisit(connections, ref, input),
  );

  routes.add(
    {
      method: 'GET',
      url: '/api/events/:eventId/visits/:visitId',
      summary: 'One networking visit: pairing, answers, date and place, report',
      tag: 'visits',
      access: 'viewer',
      params: VisitParams,
      responses: { 200: { description: 'VisitView' }, 404: { description: 'no such visit' } },
    },
    async ({ params }) => readVisit(connections, params),
  );
  visitAction('approve', 'Send the proposed invitations now', undefined, (ref) =>
    approveVisitPairing(connections, ref),
  );
  visitAction(
    'answers',
    "Record an association's answer",
    VisitInvitationAnswerSchema,
    (ref, input) => answerVisitInvitation(connections, ref, input),
  );
  visitAction(
    'schedule',
    'Fix date, time (event time zone) and place',
    VisitScheduleRequestSchema,
    (ref, input) => scheduleVisit(connections, ref, input),
  );
  visitAction('report', 'Record what the visit came to', VisitReportSchema, (ref, input) =>
    recordVisitReport(connections, ref, input),
  );
  visitAction('cancel', 'Call the visit off', VisitCancellationSchema, (ref, input) =>
    cancelVisit(connections, ref, input),
  );
}
