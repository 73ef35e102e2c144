import { seatsForCheckIn } from '../../client/use-cases/attendance';
import { ErrorCodes } from '../../domain/errors';

const accepted = (seats: number) => ({ status: 'accepted' as const, seats });
const link = (attendees: number) => ({ method: 'token' as const, attendees });
const door = (attendees: number, admitExtra?: boolean) => ({
  method: 'coordinator' as const,
  attendees,
  admitExtra,
});

describe('a check-in is bounded by the booking (issue 14, point 2)', () => {
  it('lets a link bring in up to the seats held, and no more', () => {
    expect(seatsForCheckIn(link(1), accepted(2))).toBe(2);
    expect(seatsForCheckIn(link(2), accepted(2))).toBe(2);
    expect(() => seatsForCheckIn(link(3), accepted(2))).toThrow(
      expect.objectContaining({ code: ErrorCodes.invalidInput, field: 'attendees' }),
    );
    expect(() => seatsForCheckIn(link(50), accepted(2))).toThrow(/at most 2/);
  });

  it('refuses a link once the association declined, and while it holds no seat', () => {
    for (const status of ['declined', 'cancelled', 'waitlisted', 'invited', 'pending'] as const)
      expect(() => seatsForCheckIn(link(1), { status, seats: 0 })).toThrow(
        expect.objectContaining({ code: ErrorCodes.wrongPhase }),
      );
    // Seats left on a record after a decline count for nothing.
    expect(() => seatsForCheckIn(link(1), { status: 'declined', seats: 2 })).toThrow(/declined/);
    expect(() => seatsForCheckIn(link(1), undefined)).toThrow(
      expect.objectContaining({ code: ErrorCodes.notFound }),
    );
  });

  it('lets door staff admit more than booked, or a declined association, only when they say so', () => {
    expect(seatsForCheckIn(door(2), accepted(2))).toBe(2);
    expect(() => seatsForCheckIn(door(4), accepted(2))).toThrow(/--admit-extra/);
    expect(seatsForCheckIn(door(4, true), accepted(2))).toBe(2);
    expect(() => seatsForCheckIn(door(1), { status: 'declined', seats: 0 })).toThrow(/declined/);
    expect(seatsForCheckIn(door(3, true), { status: 'declined', seats: 0 })).toBe(0);
    expect(seatsForCheckIn(door(3, true), { status: 'waitlisted', seats: 0 })).toBe(0);
  });

  it('applies no booking where none exists: a day without invitations, an uninvited walk-in', () => {
    expect(seatsForCheckIn(door(5), undefined)).toBeUndefined();
    expect(seatsForCheckIn({ method: 'walk-in', attendees: 5 }, accepted(1))).toBeUndefined();
  });
});
