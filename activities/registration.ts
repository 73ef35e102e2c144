import type { ActivityDependencies } from './dependencies';

// Filled by the lifecycle work (issue 3): planInvitations, loadInvitees, getAssociation.
export function createRegistrationActivities(_deps: ActivityDependencies) {
  return {};
}
