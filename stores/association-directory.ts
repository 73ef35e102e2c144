import type { Redis } from 'ioredis';
import { AssociationSchema, type Association } from '../domain/association';
import type { Audience } from '../domain/training-day';

/** An association's opt-out from invitations. */
export interface OptOut {
  at: string;
  /** The training day whose message carried the link. */
  eventId: string;
}

/**
 * The associations multaqa can invite, kept in Redis: one hash of records by id, and one set
 * of ids per (province, sector) so an audience is found without scanning everyone.
 */
export class AssociationDirectory {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private get recordsKey(): string {
    return `${this.prefix}associations`;
  }

  /** Which association each email (lower case) belongs to: one address, one association. */
  private get emailsKey(): string {
    return `${this.prefix}associations:emails`;
  }

  /** Associations that asked for no more invitations: id → when, and through which day's mail. */
  private get optOutsKey(): string {
    return `${this.prefix}associations:opted-out`;
  }

  segmentKey(province: string, sector: string): string {
    return `${this.prefix}associations:segment:${province.trim().toLowerCase()}:${sector}`;
  }

  /**
   * Adds or replaces associations, in one transaction per chunk: a record that moves
   * province or sector leaves its old segment.
   */
  async upsert(associations: readonly Association[]): Promise<void> {
    const chunkSize = 1000;
    for (let start = 0; start < associations.length; start += chunkSize) {
      const chunk = associations.slice(start, start + chunkSize);
      const previous = await this.redis.hmget(
        this.recordsKey,
        ...chunk.map((association) => association.id),
      );
      const transaction = this.redis.multi();
      chunk.forEach((association, index) => {
        const before = previous[index];
        const email = association.email.toLowerCase();
        if (before) {
          const old = JSON.parse(before) as Association;
          transaction.srem(this.segmentKey(old.province, old.sector), old.id);
          if (old.email.toLowerCase() !== email)
            transaction.hdel(this.emailsKey, old.email.toLowerCase());
        }
        transaction.hset(this.recordsKey, association.id, JSON.stringify(association));
        transaction.hset(this.emailsKey, email, association.id);
        transaction.sadd(this.segmentKey(association.province, association.sector), association.id);
      });
      await transaction.exec();
    }
  }

  /**
   * The id of the association each email belongs to (case ignored), or undefined. A directory
   * stored before this index existed gets it built once, here.
   */
  async ownersOfEmails(emails: readonly string[]): Promise<Array<string | undefined>> {
    if (emails.length === 0) return [];
    if ((await this.redis.exists(this.emailsKey)) === 0) {
      for await (const page of this.all())
        await this.redis.hset(
          this.emailsKey,
          Object.fromEntries(
            page.map((association) => [association.email.toLowerCase(), association.id]),
          ),
        );
    }
    const owners: Array<string | undefined> = [];
    for (let start = 0; start < emails.length; start += 1000) {
      const chunk = emails.slice(start, start + 1000).map((email) => email.toLowerCase());
      const found = await this.redis.hmget(this.emailsKey, ...chunk);
      owners.push(...found.map((owner) => owner ?? undefined));
    }
    return owners;
  }

  async get(id: string): Promise<Association | undefined> {
    const raw = await this.redis.hget(this.recordsKey, id);
    return raw ? AssociationSchema.parse(JSON.parse(raw)) : undefined;
  }

  async getMany(ids: readonly string[]): Promise<Array<Association | undefined>> {
    if (ids.length === 0) return [];
    const raws = await this.redis.hmget(this.recordsKey, ...ids);
    return raws.map((raw) => (raw ? (JSON.parse(raw) as Association) : undefined));
  }

  async count(): Promise<number> {
    return this.redis.hlen(this.recordsKey);
  }

  /** Every association, in pages (for listings and exports). */
  async *all(pageSize = 1000): AsyncGenerator<Association[]> {
    let cursor = '0';
    do {
      const [next, flat] = await this.redis.hscan(this.recordsKey, cursor, 'COUNT', pageSize);
      cursor = next;
      const page: Association[] = [];
      for (let index = 1; index < flat.length; index += 2)
        page.push(JSON.parse(flat[index]!) as Association);
      if (page.length > 0) yield page;
    } while (cursor !== '0');
  }

  /**
   * Records an association's opt-out from invitations (the one-click link of campaign mail).
   * Kept apart from its record, so importing the directory again does not undo it.
   */
  async optOut(id: string, source: { eventId: string; at: Date }): Promise<void> {
    await this.redis.hset(
      this.optOutsKey,
      id,
      JSON.stringify({ at: source.at.toISOString(), eventId: source.eventId }),
    );
  }

  /** Takes an opt-out back (the association asked for invitations again). */
  async optIn(id: string): Promise<void> {
    await this.redis.hdel(this.optOutsKey, id);
  }

  /** When each association opted out, if it did. */
  async optOutsOf(ids: readonly string[]): Promise<Array<OptOut | undefined>> {
    if (ids.length === 0) return [];
    const raws = await this.redis.hmget(this.optOutsKey, ...ids);
    return raws.map((raw) => (raw ? (JSON.parse(raw) as OptOut) : undefined));
  }

  async optOutCount(): Promise<number> {
    return this.redis.hlen(this.optOutsKey);
  }

  /**
   * Ids of the associations in an audience, by segment, in pages; those that opted out of
   * invitations are left out.
   */
  async *audienceIds(audience: Audience, pageSize = 1000): AsyncGenerator<string[]> {
    for await (const ids of this.segmentIds(audience, pageSize)) {
      const optOuts = await this.optOutsOf(ids);
      const invitable = ids.filter((_, index) => optOuts[index] === undefined);
      if (invitable.length > 0) yield invitable;
    }
  }

  private async *segmentIds(audience: Audience, pageSize: number): AsyncGenerator<string[]> {
    const provinces = [
      ...new Set(audience.provinces.map((province) => province.trim().toLowerCase())),
    ];
    for (const province of provinces) {
      for (const sector of new Set(audience.sectors)) {
        let cursor = '0';
        do {
          const [next, ids] = await this.redis.sscan(
            this.segmentKey(province, sector),
            cursor,
            'COUNT',
            pageSize,
          );
          cursor = next;
          if (ids.length > 0) yield ids;
        } while (cursor !== '0');
      }
    }
  }

  async audienceSize(audience: Audience): Promise<number> {
    const provinces = [
      ...new Set(audience.provinces.map((province) => province.trim().toLowerCase())),
    ];
    const sizes = await Promise.all(
      provinces.flatMap((province) =>
        [...new Set(audience.sectors)].map((sector) =>
          this.redis.scard(this.segmentKey(province, sector)),
        ),
      ),
    );
    // Opt-outs are few: those in the audience are found from their records.
    const optedOut = await this.redis.hkeys(this.optOutsKey);
    const excluded = (await this.getMany(optedOut)).filter(
      (record) =>
        record !== undefined &&
        provinces.includes(record.province.trim().toLowerCase()) &&
        audience.sectors.includes(record.sector),
    ).length;
    return sizes.reduce((sum, size) => sum + size, 0) - excluded;
  }
}
