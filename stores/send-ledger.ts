import type { Redis } from 'ioredis';
import { dayScope, recipientKey, type MessageIdentity } from '../mail/message-identity';
import { RedisScript } from './redis-script';
import { singleLine } from '../mail/text-safety';

/** How long the ledger, and the registers beside it, keep a day's mail records by default. */
export const MAIL_RECORD_RETENTION_SECONDS = 90 * 86_400;

/** Where one message stands in the ledger. */
export type LedgerEntry =
  /** An attempt holds it and has not handed it to the SMTP server yet. */
  | { state: 'claimed'; owner: string; leaseUntil: Date }
  /** An attempt has started handing it to the SMTP server: it may be there already. */
  | { state: 'on-wire'; owner: string; leaseUntil: Date }
  | { state: 'sent'; at: Date }
  | { state: 'undeliverable'; at: Date; reason: string };

/** What a claim found: the right to send, or a reason not to. */
export type ClaimResult =
  | {
      state: 'claimed';
      /**
       * Set when the claim was taken from an attempt whose lease ran out (it crashed or froze):
       * `on-wire` means that attempt may have delivered the message already.
       */
      tookOverFrom?: 'claimed' | 'on-wire';
    }
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

// Values: `claimed|<owner>|<lease end ms>`, `on-wire|<owner>|<lease end ms>`, `sent|<ms>`,
// `undeliverable|<ms>|<reason>`. Times come from the Redis server's clock, so workers with
// skewed clocks agree on leases.
const PRELUDE = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local function held(value, owner)
  if not value then return nil end
  local state, who, lease = string.match(value, '^([^|]+)|([^|]*)|(.*)$')
  if (state == 'claimed' or state == 'on-wire') and who == owner then return state, lease end
  return nil
end`;

const CLAIM = new RedisScript(`${PRELUDE}
local current = redis.call('HGET', KEYS[1], ARGV[1])
local tookOver = ''
if current then
  local state, a, b = string.match(current, '^([^|]+)|([^|]*)|?(.*)$')
  if state == 'claimed' or state == 'on-wire' then
    local leaseUntil = tonumber(b) or 0
    if a ~= ARGV[2] and leaseUntil > now then
      return {'busy', tostring(leaseUntil - now)}
    end
    tookOver = state
  else
    return {state, a, b}
  end
end
redis.call('HSET', KEYS[1], ARGV[1], 'claimed|' .. ARGV[2] .. '|' .. tostring(now + tonumber(ARGV[3])))
redis.call('EXPIRE', KEYS[1], ARGV[4])
return {'claimed', tookOver}`);

const ON_WIRE = new RedisScript(`${PRELUDE}
local state, lease = held(redis.call('HGET', KEYS[1], ARGV[1]), ARGV[2])
if not state then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], 'on-wire|' .. ARGV[2] .. '|' .. lease)
return 1`);

const RENEW = new RedisScript(`${PRELUDE}
local state = held(redis.call('HGET', KEYS[1], ARGV[1]), ARGV[2])
if not state then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], state .. '|' .. ARGV[2] .. '|' .. tostring(now + tonumber(ARGV[3])))
return 1`);

// A final state is written whoever holds the claim now: if our lease lapsed and another
// attempt took over, the message still went out, and the ledger must say so. `sent` is never
// overwritten.
const COMPLETE = new RedisScript(`${PRELUDE}
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current and string.sub(current, 1, 5) == 'sent|' then return 0 end
local value = ARGV[3] .. '|' .. tostring(now)
if ARGV[4] ~= '' then value = value .. '|' .. ARGV[4] end
redis.call('HSET', KEYS[1], ARGV[1], value)
redis.call('EXPIRE', KEYS[1], ARGV[5])
if held(current, ARGV[2]) then return 1 end
return 2`);

const RELEASE = new RedisScript(`${PRELUDE}
if held(redis.call('HGET', KEYS[1], ARGV[1]), ARGV[2]) then
  redis.call('HDEL', KEYS[1], ARGV[1])
  return 1
end
return 0`);

// Ends the holder's lease now, keeping the state: a retry takes the message over at once and
// learns whether it had reached the wire.
const END_LEASE = new RedisScript(`${PRELUDE}
local state = held(redis.call('HGET', KEYS[1], ARGV[1]), ARGV[2])
if not state then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], state .. '|' .. ARGV[2] .. '|' .. tostring(now))
return 1`);

function parseEntry(value: string): LedgerEntry | undefined {
  const [state, first = '', ...rest] = value.split('|');
  if (state === 'claimed' || state === 'on-wire')
    return { state, owner: first, leaseUntil: new Date(Number(rest[0])) };
  if (state === 'sent') return { state, at: new Date(Number(first)) };
  if (state === 'undeliverable')
    return { state, at: new Date(Number(first)), reason: rest.join('|') };
  return undefined;
}

/**
 * The exactly-once ledger of sent messages, in Redis: one hash per training day, one field per
 * (purpose, revision, recipient). An attempt claims a message (a lease, renewed while it works),
 * marks it `on-wire` just before handing it to the SMTP server, and records it `sent` once the
 * server accepted it; a later attempt finds `sent` and does not send again. A claim taken over
 * from a dead attempt tells whether that attempt had reached the wire (a possible duplicate).
 * See docs/email.md for the crash window this leaves.
 */
export class SendLedger {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly options: SendLedgerOptions,
  ) {}

  /** The Redis hash holding a day's ledger: one per event id and generation (`dayScope`). */
  key(day: Pick<MessageIdentity, 'eventId' | 'generation'>): string {
    return `${this.prefix}mail:ledger:${dayScope(day)}`;
  }

  /** The field of one message within its day's ledger. */
  field(identity: MessageIdentity): string {
    return `${identity.purpose}|${identity.revision}|${recipientKey(identity.recipient)}`;
  }

  /** Claims the right to send, unless the message was sent, refused, or is being sent by a live attempt. */
  async claim(identity: MessageIdentity, owner: string): Promise<ClaimResult> {
    const reply = (await CLAIM.run(
      this.redis,
      [this.key(identity)],
      [this.field(identity), owner, this.options.leaseMs, this.options.retentionSeconds],
    )) as string[];
    const [state, first = '', second = ''] = reply;
    switch (state) {
      case 'claimed':
        return first === 'claimed' || first === 'on-wire'
          ? { state: 'claimed', tookOverFrom: first }
          : { state: 'claimed' };
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

  /**
   * Marks the message as being handed to the SMTP server, if `owner` still holds it; false if
   * the claim was lost (its lease ran out and another attempt took it): then do not send.
   */
  async markOnWire(identity: MessageIdentity, owner: string): Promise<boolean> {
    const marked = await ON_WIRE.run(
      this.redis,
      [this.key(identity)],
      [this.field(identity), owner],
    );
    return marked === 1;
  }

  /** Extends the lease of a claim still held by `owner`; false if it was lost. */
  async renew(identity: MessageIdentity, owner: string): Promise<boolean> {
    const renewed = await RENEW.run(
      this.redis,
      [this.key(identity)],
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
    await RELEASE.run(this.redis, [this.key(identity)], [this.field(identity), owner]);
  }

  /**
   * Ends `owner`'s lease now but keeps the message `on-wire` (or `claimed`): for a send whose
   * outcome is unknown, so that the next attempt takes it over at once and flags its copy.
   */
  async endLease(identity: MessageIdentity, owner: string): Promise<void> {
    await END_LEASE.run(this.redis, [this.key(identity)], [this.field(identity), owner]);
  }

  /** Where a message stands, without claiming it (previews, tests). */
  async peek(identity: MessageIdentity): Promise<LedgerEntry | undefined> {
    const value = await this.redis.hget(this.key(identity), this.field(identity));
    return value === null ? undefined : parseEntry(value);
  }

  /** Every entry of a day's ledger, by field (for tests and the coordinator's reports). */
  async entries(
    day: Pick<MessageIdentity, 'eventId' | 'generation'>,
  ): Promise<Map<string, LedgerEntry>> {
    const all = await this.redis.hgetall(this.key(day));
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
      [this.key(identity)],
      [this.field(identity), owner, state, detail, this.options.retentionSeconds],
    );
  }
}
