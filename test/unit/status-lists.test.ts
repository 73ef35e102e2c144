import type { FollowUpSummary } from '../../domain/follow-up';
import type { TrainingDayCarriedState } from '../../domain/messages/training-day';
import {
  emptyAttendance,
  pendingPartnerView,
  pendingSlotView,
  slotItems,
  statusLists,
} from '../../workflows/training-day-state';
import { seedPlan } from './report-fixtures';

const plan = seedPlan;
const RECOMMENDATIONS = ['capacity-building', 'coordination', 'further-training'];

function followUp(recommendationId: string): FollowUpSummary {
  return {
    recommendationId,
    kind: 'other',
    owner: 'chamber',
    status: 'open',
    workflowId: `follow-up-${recommendationId}`,
  };
}

/** The state of the seed day as its children reported, last first. */
function stateReportedBackwards(): TrainingDayCarriedState {
  return {
    phase: 'following-up',
    phaseHistory: [],
    createdAt: '2018-11-01T00:00:00Z',
    agendaRevision: 0,
    partners: plan.definition.partners.map(pendingPartnerView).reverse(),
    speakers: slotItems(plan)
      .map((item) => pendingSlotView(plan, item))
      .reverse(),
    slotsStarted: [],
    partnersStarted: true,
    attendance: emptyAttendance(),
    recommendations: RECOMMENDATIONS.map((id) => ({
      id,
      kind: 'other',
      text: { en: id },
      owner: 'chamber',
    })),
    followUps: [...RECOMMENDATIONS].reverse().map(followUp),
    followUpsStarted: RECOMMENDATIONS,
    nextEventIds: [],
  };
}

describe('the lists of the training day status (issue 9)', () => {
  it('lists partners, slots and follow-ups in the event order, not in the order children reported', () => {
    const lists = statusLists(plan, stateReportedBackwards());
    expect(lists.partners.map((partner) => partner.partnerId)).toEqual([
      'ads-marrakech-safi',
      'province-safi-social-action',
    ]);
    expect(lists.speakers.map((slot) => slot.agendaItemId)).toEqual([
      'talk-roles-under-new-laws',
      'talk-ads-strategy',
      'talk-indh-results',
    ]);
    expect(lists.followUps.map((summary) => summary.recommendationId)).toEqual(RECOMMENDATIONS);
  });

  it('keeps a follow-up the day does not list, after the listed ones', () => {
    const state = stateReportedBackwards();
    state.followUps.unshift(followUp('from-an-earlier-run'));
    expect(statusLists(plan, state).followUps.map((summary) => summary.recommendationId)).toEqual([
      ...RECOMMENDATIONS,
      'from-an-earlier-run',
    ]);
  });
});

describe('a partner that declines (issue 9, point 4)', () => {
  it('flags the slot of the speaker that partner was to provide, and no other', () => {
    const state = stateReportedBackwards();
    state.partners = state.partners.map((partner) =>
      partner.partnerId === 'ads-marrakech-safi'
        ? { ...partner, status: 'declined', toReassign: ['speaker', 'outreach'] }
        : partner,
    );
    const flagged = statusLists(plan, state).speakers.map((slot) => [
      slot.agendaItemId,
      slot.partnerDeclined,
    ]);
    expect(flagged).toEqual([
      ['talk-roles-under-new-laws', undefined],
      ['talk-ads-strategy', 'ads-marrakech-safi'],
      ['talk-indh-results', undefined],
    ]);
  });
});
