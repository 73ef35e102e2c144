import { z } from 'zod';
import { SlugSchema } from '../../../domain/common';
import { answerPartner, PartnerAnswerSchema } from '../../use-cases/partners';
import {
  answerSpeaker,
  replaceSlotSpeaker,
  SpeakerAnswerSchema,
  SpeakerReplacementSchema,
} from '../../use-cases/speakers';
import type { HttpContext } from '../http-context';

/** Partner institutions' and speakers' answers, recorded by a coordinator. */
export function registerParticipantRoutes({ routes, connections }: HttpContext): void {
  routes.add(
    {
      method: 'POST',
      url: '/api/events/:eventId/partners/:partnerId/answer',
      summary: "Record a partner institution's confirmation or decline",
      tag: 'partners',
      access: 'coordinator',
      params: z.object({ eventId: SlugSchema, partnerId: SlugSchema }).strict(),
      body: PartnerAnswerSchema,
      responses: {
        200: { description: 'PartnerView' },
        404: { description: 'no such partner' },
        409: { description: 'already answered or wrong phase' },
      },
    },
    async ({ params, request }) =>
      answerPartner(connections, params.eventId, params.partnerId, request.body),
  );

  const slotParams = z.object({ eventId: SlugSchema, agendaItemId: SlugSchema }).strict();
  routes.add(
    {
      method: 'POST',
      url: '/api/events/:eventId/speakers/:agendaItemId/answer',
      summary: "Record a speaker's confirmation or decline for an agenda slot",
      tag: 'speakers',
      access: 'coordinator',
      params: slotParams,
      body: SpeakerAnswerSchema,
      responses: { 200: { description: 'SpeakerSlotView' }, 404: { description: 'no such slot' } },
    },
    async ({ params, request }) =>
      answerSpeaker(connections, params.eventId, params.agendaItemId, request.body),
  );

  routes.add(
    {
      method: 'POST',
      url: '/api/events/:eventId/speakers/:agendaItemId/replace',
      summary: 'Invite another speaker into an agenda slot',
      tag: 'speakers',
      access: 'coordinator',
      params: slotParams,
      body: SpeakerReplacementSchema,
      responses: { 200: { description: 'SpeakerSlotView' }, 404: { description: 'no such slot' } },
    },
    async ({ params, request }) =>
      replaceSlotSpeaker(connections, params.eventId, params.agendaItemId, request.body),
  );
}
