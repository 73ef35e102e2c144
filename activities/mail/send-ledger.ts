import type { Redis } from 'ioredis';
import { recipientKey, type MessageIdentity } from './message-identity';
import { RedisScript } from './redis-script';
import { singleLine } from './text-safety';

/** Where one message stands in the ledger. */
export type LedgerEntry =
  | { state: 'sending'; owner: string; leaseUntil: Date }
  | { state: 'sent'; at: Date }
  | { state: 'undeliverable'; at: Date; reason: string };

/** What a claim found: the right to send, or a reason not to. */
export type ClaimResult =
  | { state: 'claimed'; tookOver: boolean }
  | { state: 'sent'; at: Date }
  | { state: 'undeliverable'; at: Date; reason: string }
  /** Another live attempt holds the claim; its lease ends in `retryInMs`. */
  | { state: 'busy'; retryInMs: number };

export interface SendLedgerOptions {
  /** How long a claim holds without renewal: how long a crashed sender blocks a resend. */
  leaseMs: number;
  /** How long the ledger of a day is kept after its last write. */
  retentionSeconds: number;
}

// Values: `sending|<owner>|<lease end ms>`, `sent|<ms>`, `undeliverable|<ms>|<reason>`.
// Times come from the Redis server's clock, so workers with skewed clocks agree on leases.
const NOW_MS = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

const CLAIM = new RedisScript(`${NOW_MS}
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current then
  local state, a, b = string.match(current, '^([^|]+)|([^|]*)|?(.*)$')
  if state == 'sending' then
    local leaseUntil = tonumber(b) or 0
    if a ~= ARGV[2] and leaseUntil > now then
      return {'busy', tostring(leaseUntil - now)}
    end
  else
    return {state, a, b}
  end
end
redis.call('HSET', KEYS[1], ARGV[1], 'sending|' .. ARGV[2] .. '|' .. tostring(now + tonumber(ARGV[3])))
redis.call('EXPIRE', KEYS[1], ARGV[4])
if current then return {'claimed', 'took-over'} end
return {'claimed', ''}`);

const RENEW = new RedisScript(`${NOW_MS}
local mine = 'sending|' .. ARGV[2] .. '|'
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current and string.sub(current, 1, #mine) == mine then
  redis.call('HSET', KEYS[1], ARGV[1], mine .. tostring(now + tonumber(ARGV[3])))
  return 1
end
return 0`);

// A final state is written whoever holds the claim now: if our lease lapsed and another
// attempt took over, the message still went out, and the ledger must say so. `sent` is never
// overwritten.
const COMPLETE = new RedisScript(`${NOW_MS}
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current and string.sub(current, 1, 5) == 'sent|' then return 0 end
local value = ARGV[3] .. '|' .. tostring(now)
if ARGV[4] ~= '' then value = value .. '|' .. ARGV[4] end
redis.call('HSET', KEYS[1], ARGV[1], value)
redis.call('EXPIRE', KEYS[1], ARGV[5])
local mine = 'sending|' .. ARGV[2] .. '|'
if current and string.sub(current, 1, #mine) == mine then return 1 end
return 2`);

const RELEASE = new RedisScript(`local mine = 'sending|' .. ARGV[2] .. '|'
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current and string.sub(current, 1, #mine) == mine then
  redis.call('HDEL', KEYS[1], ARGV[1])
  return 1
end
return 0`);

function parseEntry(value: string): LedgerEntry | undefined {
  const [state, first = '', ...rest] = value.split('|');
  if (state === 'sending') return { state, owner: first, leaseUntil: new Date(Number(rest[0])) };
  if (state === 'sent') return { state, at: new Date(Number(first)) };
  if (state === 'undeliverable')
    return { state, at: new Date(Number(first)), reason: rest.join('|') };
  return undefined;
}

/**
 * The exactly-once ledger of sent messages, in Redis: one hash per training day, one field per
 * (purpose, revision, recipient). An attempt claims a message before sending (a lease, renewed
 * while it sends), and records it `sent` once the SMTP server accepted it; a later attempt finds
 * `sent` and does not send again. See docs/email.md for the crash window this leaves.
 */
export class SendLedger {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly options: SendLedgerOptions,
  ) {}

  /** The Redis hash holding a day's ledger. */
  key(eventId: string): string {
    return `${this.prefix}mail:ledger:${eventId}`;
  }

  /** The field of one message within its day's ledger. */
  field(identity: MessageIdentity): string {
    return `${identity.purpose}|${identity.revision}|${recipientKey(identity.recipient)}`;
  }

  /** Claims the right to send, unless the message was sent, refused, or is being sent by a live attempt. */
  async claim(identity: MessageIdentity, owner: string): Promise<ClaimResult> {
    const reply = (await CLAIM.run(
      this.redis,
      [this.key(identity.eventId)],
      [this.field(identity), owner, this.options.leaseMs, this.options.retentionSeconds],
    )) as string[];
    const [state, first = '', second = ''] = reply;
    switch (state) {
      case 'claimed':
        return { state: 'claimed', tookOver: first === 'took-over' };
      case 'busy':
        return { state: 'busy', retryInMs: Number(first) };
      case 'sent':
        return { state: 'sent', at: new Date(Number(first)) };
      case 'undeliverable':
        return { state: 'undeliverable', at: new Date(Number(first)), reason: second };
      default:
        throw new Error(`send ledger: unexpected entry ${JSON.stringify(reply)}`);
    }
  }

  /** Extends the lease of a claim still held by `owner`; false if it was lost. */
  async renew(identity: MessageIdentity, owner: string): Promise<boolean> {
    const renewed = await RENEW.run(
      this.redis,
      [this.key(identity.eventId)],
      [this.field(identity), owner, this.options.leaseMs],
    );
    return renewed === 1;
  }

  /** Records that the SMTP server accepted the message. */
  async markSent(identity: MessageIdentity, owner: string): Promise<void> {
    await this.complete(identity, owner, 'sent', '');
  }

  /** Records that the address was refused for good; retries return the same verdict. */
  async markUndeliverable(identity: MessageIdentity, owner: string, reason: string): Promise<void> {
    await this.complete(identity, owner, 'undeliverable', singleLine(reason).slice(0, 500));
  }

  /** Gives the claim up (the send failed before the server took the message): a retry may send. */
  async release(identity: MessageIdentity, owner: string): Promise<void> {
    await RELEASE.run(this.redis, [this.key(identity.eventId)], [this.field(identity), owner]);
  }

  /** Where a message stands, without claiming it (previews, tests). */
  async peek(identity: MessageIdentity): Promise<LedgerEntry | undefined> {
    const value = await this.redis.hget(this.key(identity.eventId), this.field(identity));
    return value === null ? undefined : parseEntry(value);
  }

  /** Every entry of a day's ledger, by field (for tests and the coordinator's reports). */
  async entries(eventId: string): Promise<Map<string, LedgerEntry>> {
    const all = await this.redis.hgetall(this.key(eventId));
    const entries = new Map<string, LedgerEntry>();
    for (const [field, value] of Object.entries(all)) {
      const entry = parseEntry(value);
      if (entry) entries.set(field, entry);
    }
    return entries;
  }

  private async complete(
    identity: MessageIdentity,
    owner: string,
    state: 'sent' | 'undeliverable',
    detail: string,
  ): Promise<void> {
    await COMPLETE.run(
      this.redis,
      [this.key(identity.eventId)],
      [this.field(identity), owner, state, detail, this.options.retentionSeconds],
    );
  }
}
