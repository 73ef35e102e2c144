import type { ActivityDependencies } from '../dependencies';

// Filled by the follow-up work (issue 6).
export function createFollowUpActivities(_deps: ActivityDependencies) {
  return {};
}
