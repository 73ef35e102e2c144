import type { Redis } from 'ioredis';
import {
  TrainingDayReadModel,
  type TrainingDayChange,
  type TrainingDayProjection,
} from '../../stores/read-model';

export type ChangeListener = (change: TrainingDayChange, projection: TrainingDayProjection) => void;

/**
 * The read model's changes as they happen: one Redis subscriber connection for the whole
 * process, whatever the number of listeners (each dashboard tab is one). Each change is read
 * from Redis once and handed to every listener.
 */
export class TrainingDayChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  private subscriber?: Redis;
  private starting?: Promise<void>;
  private readonly readModel: TrainingDayReadModel;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.readModel = new TrainingDayReadModel(redis, prefix);
  }

  /** Adds a listener; resolves once the subscription is active. Returns the unsubscribe. */
  async listen(listener: ChangeListener): Promise<() => void> {
    this.listeners.add(listener);
    await this.start();
    return () => this.listeners.delete(listener);
  }

  /** The training day's projection as it is now (for a listener that just subscribed). */
  current(eventId: string): Promise<TrainingDayProjection | undefined> {
    return this.readModel.get(eventId);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  private start(): Promise<void> {
    this.starting ??= (async () => {
      const subscriber = this.redis.duplicate();
      this.subscriber = subscriber;
      subscriber.on('message', (_channel: string, message: string) => {
        void this.deliver(message);
      });
      await subscriber.subscribe(this.readModel.changesChannel);
    })();
    return this.starting;
  }

  private async deliver(message: string): Promise<void> {
    if (this.listeners.size === 0) return;
    let change: TrainingDayChange;
    try {
      change = JSON.parse(message) as TrainingDayChange;
    } catch {
      return;
    }
    const projection = await this.readModel.get(change.eventId).catch(() => undefined);
    if (!projection) return;
    for (const listener of this.listeners) {
      try {
        listener(change, projection);
      } catch {
        // A listener whose client went away must not stop the others.
      }
    }
  }

  async close(): Promise<void> {
    this.listeners.clear();
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    this.starting = undefined;
    if (subscriber) subscriber.disconnect();
  }
}
