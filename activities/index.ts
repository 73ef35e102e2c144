import type { ActivityDependencies } from './dependencies';
import { createFollowUpActivities } from './follow-up';
import { createMailActivities } from './mail';
import { createProjectionActivities } from './projections';
import { createRegistrationActivities } from './registration';

export type { ActivityDependencies } from './dependencies';

/** Every activity the multaqa worker runs, bound to its dependencies. */
export function createActivities(deps: ActivityDependencies) {
  return {
    ...createMailActivities(deps),
    ...createRegistrationActivities(deps),
    ...createProjectionActivities(deps),
    ...createFollowUpActivities(deps),
  };
}

/** Workflows proxy this type (`import type`), never the implementations. */
export type Activities = ReturnType<typeof createActivities>;
