import type { ActivityDependencies } from './dependencies';

// Filled by the read-model work (issue 5): publishTrainingDayStatus and friends.
export function createProjectionActivities(_deps: ActivityDependencies) {
  return {};
}
