export { trainingDayWorkflow } from './training-day';
export { followUpWorkflow } from './follow-up';
export { networkingVisitWorkflow } from './networking-visit';
export { coordinationDigestWorkflow } from './coordination-digest';
