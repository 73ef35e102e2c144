import type { ActivityDependencies } from '../dependencies';
import {
  deleteDigestSchedule,
  ensureDigestSchedule,
  listAttendeeRecipients,
  readDigestSource,
} from './coordination-digest';
import { planNextTrainingDay } from './next-training-day';
import { describeAssociations, listVisitCandidates } from './visit-candidates';

type Input<F> = F extends (deps: ActivityDependencies, input: infer I) => unknown ? I : never;

/** Activities of the follow-up work: attendee and directory reads, digest schedules, plans. */
export function createFollowUpActivities(deps: ActivityDependencies) {
  return {
    /** Associations that attended a day and can be reached, with their experience. */
    listVisitCandidates: (input: Input<typeof listVisitCandidates>) =>
      listVisitCandidates(deps, input),
    /** Host and visitors by id, from the directory; `NotFound` for an unknown id. */
    describeAssociations: (input: Input<typeof describeAssociations>) =>
      describeAssociations(deps, input),
    /** The next training day's plan, as a draft, from the current one. */
    planNextTrainingDay: (input: Input<typeof planNextTrainingDay>) =>
      planNextTrainingDay(deps, input),
    /** Creates the coordination digest's Schedule (idempotent). */
    ensureDigestSchedule: (input: Input<typeof ensureDigestSchedule>) =>
      ensureDigestSchedule(deps, input),
    /** Deletes the coordination digest's Schedule (idempotent). */
    deleteDigestSchedule: (input: Input<typeof deleteDigestSchedule>) =>
      deleteDigestSchedule(deps, input),
    /** News and context for one digest run, read from the follow-up. */
    readDigestSource: (input: Input<typeof readDigestSource>) => readDigestSource(deps, input),
    /** One page of the day's attendees as digest recipients. */
    listAttendeeRecipients: (input: Input<typeof listAttendeeRecipients>) =>
      listAttendeeRecipients(deps, input),
  };
}
