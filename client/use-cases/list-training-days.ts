import { TrainingDayReadModel, type TrainingDaySummary } from '../../stores/read-model';
import type { TrainingDayPhase } from '../../domain/training-day';
import type { Connections } from '../connections';

// Apart from training-days.ts so `multaqa event list` reads Redis without loading Temporal.
/** Training days known to the read model, by date, optionally of one phase. */
export async function listTrainingDays(
  connections: Pick<Connections, 'config' | 'redis'>,
  options: { phase?: TrainingDayPhase } = {},
): Promise<TrainingDaySummary[]> {
  return new TrainingDayReadModel(connections.redis, connections.config.REDIS_PREFIX).list(options);
}
