import { setHandler, upsertSearchAttributes, condition } from '@temporalio/workflow';
import { TrainingDayPhaseKey } from '../domain/search-attributes';
import type { TrainingDayPlan, TrainingDayPhase } from '../domain/training-day';
import { getTrainingDayStatus, type TrainingDayStatus } from '../domain/messages/training-day';
import { emptyRegistrationCounts } from '../domain/registration';

/** One training day, from the first partner call to the last follow-up. (Grown by issue 3.) */
export async function trainingDayWorkflow(plan: TrainingDayPlan): Promise<void> {
  const phase: TrainingDayPhase = 'draft';
  const day = plan.definition;
  setHandler(getTrainingDayStatus, (): TrainingDayStatus => ({
    eventId: plan.eventId,
    title: day.title,
    phase,
    phaseHistory: [],
    revision: plan.revision,
    timeZone: day.timeZone,
    startsAt: plan.schedule.startsAt,
    endsAt: plan.schedule.endsAt,
    rsvpDeadlineAt: plan.schedule.rsvpDeadlineAt,
    languages: day.languages,
    agenda: day.agenda,
    partners: [],
    speakers: [],
    registration: {
      ...emptyRegistrationCounts(day.capacity),
      shards: 0,
      byProvince: {},
      bySector: {},
    },
    attendance: { checkedIn: 0, attendees: 0, walkIns: 0, byProvince: {}, bySector: {} },
    recommendations: [],
    followUps: [],
    nextEventIds: [],
  }));
  upsertSearchAttributes([{ key: TrainingDayPhaseKey, value: phase }]);
  await condition(() => false);
}
