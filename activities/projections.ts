import type { ActivityDependencies } from './dependencies';
import type { TrainingDayStatus } from '../domain/messages/training-day';

// Being written by the read-model work (issue 5). The signature is the contract workflows use.
export function createProjectionActivities(_deps: ActivityDependencies) {
  return {
    /** Stores the training day's status in Redis and announces the change (dashboard, status reads). */
    async publishTrainingDayStatus(_status: TrainingDayStatus): Promise<void> {
      throw new Error('publishTrainingDayStatus: not implemented yet');
    },
  };
}
