import {
  allHandlersFinished,
  condition,
  patched,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { ErrorCodes } from '../domain/errors';
import { pickText } from '../domain/common';
import {
  DEFAULT_VISIT_POLICY,
  HOUR_MS,
  scopedRevision,
  type VisitPolicy,
} from '../domain/follow-up-policy';
import {
  answerVisitInvitation,
  approveVisitPairing,
  cancelVisit,
  getVisitView,
  overrideVisitPairing,
  recordVisitReport,
  scheduleVisit,
  visitChanged,
  visitFollowUpClosed,
  type NetworkingVisitInput,
  type VisitView,
} from '../domain/messages/follow-up';
import type { MessageDetails, MessagePurpose, MessageRecipient } from '../domain/messages/mail';
import {
  VisitCancellationSchema,
  VisitInvitationAnswerSchema,
  VisitPairingOverrideSchema,
  VisitReportSchema,
  VisitScheduleSchema,
  type VisitAssociation,
  type VisitParticipant,
  type VisitStatus,
  type VisitSummary,
} from '../domain/networking-visit';
import {
  Alarm,
  WAITS_BY_ALARM,
  asUpdateFailure,
  followUpMail,
  lookups,
  coordinatorRecipient,
  parseCommand,
  refuse,
  refuseInput,
  signalQuietly,
  now,
} from './kit';

/** What tells the host, in the invitation, that the visitors come to it. */
const HOST_NOTE = {
  ar: 'نقترح أن تستقبل جمعيتكم الجمعيات الزائرة المذكورة أسفله.',
  fr: 'Nous proposons que votre association accueille les associations visiteuses citées ci-dessous.',
  en: 'We propose that your association hosts the visiting associations listed below.',
};

/** The coordinator's reminder after a visit whose report was not recorded. */
const REPORT_MISSING_NOTE = {
  ar: 'تمت الزيارة المذكورة أسفله ولم يسجل تقريرها بعد.',
  fr: "La visite ci-dessous a eu lieu ; son compte rendu n'a pas encore été enregistré.",
  en: 'The visit below has taken place; its report has not been recorded yet.',
};

const TERMINAL: readonly VisitStatus[] = ['reported', 'cancelled'];
/** Before the visit takes place, the pairing can still change. */
const PAIRING_OPEN: readonly VisitStatus[] = [
  'proposed',
  'inviting',
  'needs-new-pairing',
  'confirmed',
  'scheduled',
];

function participantsOf(
  pairing: { hostId: string; visitorIds: string[] },
  associations: readonly VisitAssociation[],
  previous: readonly VisitParticipant[] = [],
): VisitParticipant[] {
  const byId = new Map(associations.map((association) => [association.associationId, association]));
  const roles: Array<[string, VisitParticipant['role']]> = [
    [pairing.hostId, 'host'],
    ...pairing.visitorIds.map((id): [string, VisitParticipant['role']] => [id, 'visitor']),
  ];
  return roles.map(([id, role]) => {
    const kept = previous.find((participant) => participant.associationId === id);
    if (kept && kept.role === role) return kept;
    const association = byId.get(id) ?? kept;
    if (!association) throw new Error(`no details for association ${id}`);
    const {
      role: _role,
      answer: _answer,
      answeredAt: _at,
      note: _note,
      ...identity
    } = association as VisitParticipant;
    return { ...identity, role, answer: 'pending' };
  });
}

/**
 * One exchange visit between associations, from a proposed pairing to its report. The
 * coordinator reviews the pairing (approves it, overrides it, or lets the review period pass),
 * host and visitors are invited and their answers collected, the coordinator fixes date and
 * place once the host and a visitor have confirmed, everyone confirmed is told and reminded the
 * day before, and a short report closes it. Reports every change to its follow-up.
 */
export async function networkingVisitWorkflow(input: NetworkingVisitInput): Promise<VisitView> {
  const policy: VisitPolicy = { ...DEFAULT_VISIT_POLICY, ...input.policy };
  const { event, visitId } = input;
  const workflowId = workflowInfo().workflowId;
  const stamp = () => new Date(now()).toISOString();

  let pairing = input.pairing;
  let participants = participantsOf(pairing, input.associations);
  let pairingRevision = 1;
  let approved = false;
  let invitationsOpen = false;
  /** Per association id: the pairing revision it was invited under. */
  const invited = new Map<string, number>();
  /** Per association id: the schedule revision it was told of. */
  const toldOfSchedule = new Map<string, number>();
  let schedule: VisitView['schedule'];
  let scheduleRevision = 0;
  let remindedForRevision = 0;
  let remindersSent = 0;
  let reportReminderSent = false;
  let report: VisitView['report'];
  let cancelledReason: string | undefined;
  let changes = 0;
  const history: VisitView['history'] = [];

  const host = () => participants.find((participant) => participant.role === 'host')!;
  const visitors = () => participants.filter((participant) => participant.role === 'visitor');
  const confirmed = () => participants.filter((participant) => participant.answer === 'confirmed');
  const visitEndsAt = () =>
    schedule ? Date.parse(schedule.startsAt) + policy.visitLengthHours * HOUR_MS : undefined;

  const status = (): VisitStatus => {
    if (cancelledReason) return 'cancelled';
    if (report) return 'reported';
    if (!invitationsOpen) return 'proposed';
    if (
      host().answer === 'declined' ||
      visitors().every((visitor) => visitor.answer === 'declined')
    )
      return 'needs-new-pairing';
    if (schedule) return now() >= Date.parse(schedule.startsAt) ? 'held' : 'scheduled';
    if (
      host().answer === 'confirmed' &&
      visitors().some((visitor) => visitor.answer === 'confirmed')
    )
      return 'confirmed';
    return 'inviting';
  };

  const view = (): VisitView => ({
    eventId: event.eventId,
    visitId,
    workflowId,
    followUpWorkflowId: input.followUpWorkflowId,
    timeZone: event.timeZone,
    status: status(),
    pairing,
    pairingRevision,
    participants,
    ...(schedule ? { schedule } : {}),
    scheduleRevision,
    remindersSent,
    ...(report ? { report } : {}),
    ...(cancelledReason ? { cancelledReason } : {}),
    history,
  });

  const summary = (): VisitSummary => ({
    visitId,
    workflowId,
    status: status(),
    hostName: host().name,
    visitorNames: visitors().map((visitor) => visitor.name),
    sector: host().sector,
    reason: pairing.reason,
    ...(schedule ? { startsAt: schedule.startsAt, place: schedule.place } : {}),
    ...(report ? { reportSummary: report.summary } : {}),
  });

  let lastReported = '';
  const reportToFollowUp = async (note?: string) => {
    const current = summary();
    const key = JSON.stringify(current);
    const last = history[history.length - 1];
    if (!last || last.status !== current.status || note)
      history.push({ at: stamp(), status: current.status, ...(note ? { note } : {}) });
    if (key === lastReported) return;
    lastReported = key;
    await signalQuietly(input.followUpWorkflowId, visitChanged, current);
  };

  const recipientOf = (participant: VisitParticipant): MessageRecipient => ({
    id: participant.associationId,
    kind: 'association',
    name: participant.name,
    email: participant.email,
    language: participant.language,
  });

  const visitDetails = (participant?: VisitParticipant): MessageDetails => ({
    visit: {
      visitId,
      hostName: host().name,
      visitorNames: visitors()
        .filter((visitor) => visitor.answer !== 'declined')
        .map((visitor) => visitor.name),
      ...(schedule ? { date: schedule.startsAt, place: schedule.place } : {}),
    },
    ...(participant?.role === 'host' || schedule?.note
      ? {
          note: [
            participant?.role === 'host' ? pickText(HOST_NOTE, participant.language) : undefined,
            schedule?.note,
          ]
            .filter(Boolean)
            .join(' — '),
        }
      : {}),
  });

  const send = (
    purpose: MessagePurpose,
    participant: VisitParticipant,
    scope: string,
    ordinal: number,
  ) =>
    followUpMail.sendMessage({
      purpose,
      event,
      recipient: recipientOf(participant),
      revision: scopedRevision(`${visitId}/${scope}`, ordinal),
      details: visitDetails(participant),
    });

  /** Invites every participant not yet invited under the current pairing, and still to answer. */
  const sendInvitations = async () => {
    invitationsOpen = true;
    for (const participant of participants) {
      if (participant.answer !== 'pending') continue;
      if (invited.get(participant.associationId) === pairingRevision) continue;
      await send('visit-invitation', participant, 'invitation', pairingRevision);
      invited.set(participant.associationId, pairingRevision);
    }
  };

  /** Tells every confirmed participant of the current date and place, once per schedule. */
  const sendScheduleNotices = async () => {
    if (!schedule) return;
    for (const participant of confirmed()) {
      if (toldOfSchedule.get(participant.associationId) === scheduleRevision) continue;
      await send('visit-confirmation', participant, 'confirmation', scheduleRevision);
      toldOfSchedule.set(participant.associationId, scheduleRevision);
    }
  };

  const sendVisitReminders = async () => {
    for (const participant of confirmed())
      await send('visit-reminder', participant, 'reminder', scheduleRevision);
    remindedForRevision = scheduleRevision;
    remindersSent += 1;
  };

  const askForReport = async () => {
    await followUpMail.sendMessage({
      purpose: 'follow-up-reminder',
      event,
      recipient: coordinatorRecipient(event),
      revision: scopedRevision(`${visitId}/report-reminder`, scheduleRevision),
      details: {
        ...visitDetails(),
        followUp: {
          recommendationId: input.recommendation.id,
          text: pickText(input.recommendation.text, event.organiser.language),
          textByLanguage: input.recommendation.text,
        },
        note: pickText(REPORT_MISSING_NOTE, event.organiser.language),
      },
    });
    reportReminderSent = true;
  };

  const refuseUnless = (allowed: readonly VisitStatus[], action: string) => {
    const current = status();
    if (!allowed.includes(current))
      refuse(ErrorCodes.wrongPhase, `cannot ${action}: the visit is ${current}`);
  };

  // ---- Messages ----

  setHandler(getVisitView, view);

  setHandler(
    approveVisitPairing,
    async () => {
      approved = true;
      changes += 1;
      await condition(() => invitationsOpen || Boolean(cancelledReason));
      return view();
    },
    { validator: () => refuseUnless(['proposed'], 'approve the pairing') },
  );

  setHandler(
    overrideVisitPairing,
    async (raw) => {
      const override = VisitPairingOverrideSchema.parse(raw);
      const known = new Set(participants.map((participant) => participant.associationId));
      const missing = [override.hostId, ...override.visitorIds].filter((id) => !known.has(id));
      const added =
        missing.length > 0
          ? await asUpdateFailure(() => lookups.describeAssociations({ ids: missing }))
          : [];
      pairing = { hostId: override.hostId, visitorIds: override.visitorIds, reason: 'coordinator' };
      participants = participantsOf(pairing, added, participants);
      pairingRevision += 1;
      if (schedule && host().answer !== 'confirmed') {
        // A new host has not agreed to the date yet: the date is open again.
        schedule = undefined;
      }
      approved = true;
      if (invitationsOpen) await sendInvitations();
      changes += 1;
      await reportToFollowUp(override.reason ?? 'pairing changed by the coordinator');
      await condition(() => invitationsOpen || Boolean(cancelledReason));
      return view();
    },
    {
      validator: (raw) => {
        refuseUnless(PAIRING_OPEN, 'change the pairing');
        parseCommand(VisitPairingOverrideSchema, raw);
      },
    },
  );

  setHandler(
    answerVisitInvitation,
    async (raw) => {
      const answer = VisitInvitationAnswerSchema.parse(raw);
      participants = participants.map((participant) =>
        participant.associationId === answer.associationId
          ? {
              ...participant,
              answer: answer.answer === 'confirm' ? 'confirmed' : 'declined',
              answeredAt: stamp(),
              ...(answer.note ? { note: answer.note } : {}),
            }
          : participant,
      );
      if (answer.answer === 'decline' && answer.associationId === pairing.hostId)
        schedule = undefined;
      await sendScheduleNotices();
      changes += 1;
      await reportToFollowUp(`${answer.associationId} ${answer.answer}s`);
      return view();
    },
    {
      validator: (raw) => {
        refuseUnless(
          ['inviting', 'needs-new-pairing', 'confirmed', 'scheduled'],
          'record an answer',
        );
        const answer = parseCommand(VisitInvitationAnswerSchema, raw);
        if (!participants.some((participant) => participant.associationId === answer.associationId))
          refuse(
            ErrorCodes.notFound,
            `associationId: "${answer.associationId}" is not part of this visit`,
            'associationId',
          );
      },
    },
  );

  setHandler(
    scheduleVisit,
    async (raw) => {
      schedule = VisitScheduleSchema.parse(raw);
      scheduleRevision += 1;
      reportReminderSent = false;
      await sendScheduleNotices();
      changes += 1;
      await reportToFollowUp(`scheduled ${schedule.date} ${schedule.time}, ${schedule.place}`);
      return view();
    },
    {
      validator: (raw) => {
        refuseUnless(['confirmed', 'scheduled'], 'schedule the visit');
        const command = parseCommand(VisitScheduleSchema, raw);
        if (Date.parse(command.startsAt) <= now())
          refuseInput('date: the visit must be in the future', 'date');
      },
    },
  );

  setHandler(
    recordVisitReport,
    async (raw) => {
      report = { ...VisitReportSchema.parse(raw), recordedAt: stamp() };
      changes += 1;
      await reportToFollowUp();
      return view();
    },
    {
      validator: (raw) => {
        refuseUnless(['held'], 'record the report');
        parseCommand(VisitReportSchema, raw);
      },
    },
  );

  setHandler(
    cancelVisit,
    async (raw) => {
      cancelledReason = VisitCancellationSchema.parse(raw).reason;
      changes += 1;
      await reportToFollowUp(cancelledReason);
      return view();
    },
    {
      validator: (raw) => {
        refuseUnless(
          ['proposed', 'inviting', 'needs-new-pairing', 'confirmed', 'scheduled', 'held'],
          'cancel',
        );
        parseCommand(VisitCancellationSchema, raw);
      },
    },
  );

  setHandler(visitFollowUpClosed, ({ reason }) => {
    if (TERMINAL.includes(status())) return;
    cancelledReason = reason;
    changes += 1;
  });

  // ---- Life ----

  await reportToFollowUp('pairing proposed');
  const alarm = new Alarm();
  const reviewDone = () => approved || Boolean(cancelledReason);
  let reviewed: boolean;
  if (patched(WAITS_BY_ALARM)) {
    await alarm.wait(reviewDone, now() + policy.proposalReviewHours * HOUR_MS);
    reviewed = reviewDone();
  } else {
    // Histories recorded before the patch: a timer cancelled when the review came first.
    reviewed = await condition(reviewDone, policy.proposalReviewHours * HOUR_MS);
  }
  if (!cancelledReason) {
    await sendInvitations();
    await reportToFollowUp(
      reviewed ? 'invitations sent' : 'invitations sent after the review period',
    );
  }

  while (!TERMINAL.includes(status())) {
    const seen = changes;
    const current = status();
    const wakes: number[] = [];
    if (schedule && current === 'scheduled') {
      const startsAt = Date.parse(schedule.startsAt);
      if (remindedForRevision !== scheduleRevision)
        wakes.push(startsAt - policy.reminderHoursBefore * HOUR_MS);
      wakes.push(startsAt);
    }
    if (current === 'held' && !reportReminderSent)
      wakes.push(visitEndsAt()! + policy.reportReminderHoursAfter * HOUR_MS);
    const wakeAt = wakes.length > 0 ? Math.min(...wakes) : undefined;
    const wakeUp = () => changes !== seen || TERMINAL.includes(status());
    if (patched(WAITS_BY_ALARM)) await alarm.wait(wakeUp, wakeAt);
    // Histories recorded before the patch: a timer cancelled when a change came first.
    else if (wakeAt === undefined) await condition(wakeUp);
    else if (wakeAt > now()) await condition(wakeUp, wakeAt - now());

    const after = status();
    if (after === 'scheduled' && schedule && remindedForRevision !== scheduleRevision) {
      if (now() >= Date.parse(schedule.startsAt) - policy.reminderHoursBefore * HOUR_MS)
        await sendVisitReminders();
    }
    if (
      after === 'held' &&
      !reportReminderSent &&
      now() >= visitEndsAt()! + policy.reportReminderHoursAfter * HOUR_MS
    )
      await askForReport();
    await reportToFollowUp();
  }

  await condition(allHandlersFinished);
  await reportToFollowUp();
  return view();
}
