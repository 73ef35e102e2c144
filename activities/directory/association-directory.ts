import type { Redis } from 'ioredis';
import { AssociationSchema, type Association } from '../../domain/association';
import type { Audience } from '../../domain/training-day';

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
        if (before) {
          const old = JSON.parse(before) as Association;
          transaction.srem(this.segmentKey(old.province, old.sector), old.id);
        }
        transaction.hset(this.recordsKey, association.id, JSON.stringify(association));
        transaction.sadd(this.segmentKey(association.province, association.sector), association.id);
      });
      await transaction.exec();
    }
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

  /** Ids of the associations in an audience, by segment, in pages. */
  async *audienceIds(audience: Audience, pageSize = 1000): AsyncGenerator<string[]> {
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
    return sizes.reduce((sum, size) => sum + size, 0);
  }
}
