import type { SeatLedgerState } from '../domain/messages/registration';

/** A decision of the ledger about one association, sent back to its invitation shard. */
export interface SeatDecision {
  associationId: string;
  status: 'accepted' | 'waitlisted';
  seats: number;
  waitlistPosition?: number;
  promoted?: boolean;
}

/**
 * Capacity and waiting list of one training day: the single authority on who has a seat.
 * Requests are granted while seats remain; the others queue in arrival order. When seats
 * free up, the waiting list is scanned in order and everyone who now fits is promoted
 * (first fit: a small request behind a large one may go first rather than leave seats empty).
 * Pure and deterministic, so the workflow can replay it and tests can exercise it directly.
 */
export class SeatBook {
  private readonly holders: Map<string, number>;
  private waitlist: Array<[string, number]>;
  closed: boolean;

  constructor(
    readonly capacity: number,
    state?: SeatLedgerState,
  ) {
    this.holders = new Map(state?.holders ?? []);
    this.waitlist = [...(state?.waitlist ?? [])];
    this.closed = state?.closed ?? false;
  }

  get seatsTaken(): number {
    let taken = 0;
    for (const seats of this.holders.values()) taken += seats;
    return taken;
  }

  get accepted(): number {
    return this.holders.size;
  }

  get waitlisted(): number {
    return this.waitlist.length;
  }

  seatsOf(associationId: string): number | undefined {
    return this.holders.get(associationId);
  }

  waitlistPosition(associationId: string): number | undefined {
    const index = this.waitlist.findIndex(([id]) => id === associationId);
    return index < 0 ? undefined : index + 1;
  }

  waitingList(): Array<{ associationId: string; seats: number }> {
    return this.waitlist.map(([associationId, seats]) => ({ associationId, seats }));
  }

  /**
   * An association asks for `seats`. The first decision is the requester's; any others are
   * promotions the request made possible (when it gave seats back).
   */
  request(associationId: string, seats: number): SeatDecision[] {
    const held = this.holders.get(associationId);
    if (held !== undefined) {
      if (seats <= held || this.seatsTaken - held + seats <= this.capacity) {
        this.holders.set(associationId, seats);
      }
      // More seats than remain: the association keeps what it holds.
      const own: SeatDecision = {
        associationId,
        status: 'accepted',
        seats: this.holders.get(associationId)!,
      };
      return [own, ...this.promote()];
    }
    const queued = this.waitlist.findIndex(([id]) => id === associationId);
    if (queued >= 0) this.waitlist[queued] = [associationId, seats];
    else if (!this.closed && this.seatsTaken + seats <= this.capacity) {
      this.holders.set(associationId, seats);
      return [{ associationId, status: 'accepted', seats }];
    } else this.waitlist.push([associationId, seats]);
    const promotions = this.promote();
    const promotedNow = promotions.find((decision) => decision.associationId === associationId);
    const own: SeatDecision = promotedNow
      ? { associationId, status: 'accepted', seats: promotedNow.seats }
      : {
          associationId,
          status: 'waitlisted',
          seats,
          waitlistPosition: this.waitlistPosition(associationId),
        };
    return [own, ...promotions.filter((decision) => decision.associationId !== associationId)];
  }

  /** An association gives its seats (or its place in the queue) back; returns promotions. */
  release(associationId: string): SeatDecision[] {
    if (this.holders.delete(associationId)) return this.promote();
    this.waitlist = this.waitlist.filter(([id]) => id !== associationId);
    return [];
  }

  /** Promotes, in queue order, everyone on the waiting list who now fits. */
  promote(): SeatDecision[] {
    if (this.closed) return [];
    const promoted: SeatDecision[] = [];
    let free = this.capacity - this.seatsTaken;
    const remaining: Array<[string, number]> = [];
    for (const [associationId, seats] of this.waitlist) {
      if (seats <= free) {
        free -= seats;
        this.holders.set(associationId, seats);
        promoted.push({ associationId, status: 'accepted', seats, promoted: true });
      } else remaining.push([associationId, seats]);
    }
    this.waitlist = remaining;
    return promoted;
  }

  toState(): SeatLedgerState {
    return { holders: [...this.holders], waitlist: [...this.waitlist], closed: this.closed };
  }
}
