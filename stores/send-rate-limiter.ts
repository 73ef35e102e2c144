import type { Redis } from 'ioredis';
import { RedisScript } from './redis-script';

// GCRA by reservation: the key holds the next free send slot (microseconds, Redis clock). Each
// caller takes the slot at max(now, next) and moves `next` one interval on, atomically; it then
// waits until its slot. Every worker shares the key, so together they never exceed the rate,
// and no caller is refused: each learns when it may send.
const RESERVE = new RedisScript(`local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
if nextFree < now then nextFree = now end
local after = nextFree + interval
redis.call('SET', KEYS[1], string.format('%.0f', after), 'PX', math.ceil((after - now) / 1000) + 1000)
return {math.floor(nextFree - now), string.format('%.0f', nextFree)}`);

/** Waits `ms`, or stops early when `signal` aborts (the activity was cancelled). */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The send rate shared by every worker through Redis (`SMTP_RATE_PER_SECOND`): the SMTP
 * provider's quota holds however many workers and batches send at once.
 */
export class SendRateLimiter {
  private readonly intervalMicros: number;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    ratePerSecond: number,
  ) {
    this.intervalMicros = Math.max(1, Math.round(1_000_000 / ratePerSecond));
  }

  /**
   * Reserves the next send slot and waits for it. Returns the slot (Redis time, ms since the
   * epoch) and how long this caller waited for it.
   */
  async acquire(signal?: AbortSignal): Promise<{ slotAt: number; waitedMs: number }> {
    const [waitMicros, slotMicros] = (await RESERVE.run(
      this.redis,
      [this.key],
      [this.intervalMicros],
    )) as [number, string];
    const waitedMs = Math.ceil(Number(waitMicros) / 1000);
    await pause(waitedMs, signal);
    return { slotAt: Number(slotMicros) / 1000, waitedMs };
  }
}
