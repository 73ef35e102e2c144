import { SeatBook } from '../../workflows/seat-ledger-state';

describe('the seat book: capacity, waiting list and promotion', () => {
  it('grants seats while they last, then queues in arrival order', () => {
    const book = new SeatBook(6);
    expect(book.request('a', 3)).toEqual([{ associationId: 'a', status: 'accepted', seats: 3 }]);
    expect(book.request('b', 3)).toEqual([{ associationId: 'b', status: 'accepted', seats: 3 }]);
    expect(book.request('c', 2)).toEqual([
      { associationId: 'c', status: 'waitlisted', seats: 2, waitlistPosition: 1 },
    ]);
    expect(book.request('d', 1)[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    expect(book.seatsTaken).toBe(6);
    expect(book.waitingList()).toEqual([
      { associationId: 'c', seats: 2 },
      { associationId: 'd', seats: 1 },
    ]);
  });

  it('promotes everyone who fits, in queue order, when seats are given back', () => {
    const book = new SeatBook(6);
    book.request('a', 3);
    book.request('b', 3);
    book.request('c', 2);
    book.request('d', 1);
    expect(book.release('a')).toEqual([
      { associationId: 'c', status: 'accepted', seats: 2, promoted: true },
      { associationId: 'd', status: 'accepted', seats: 1, promoted: true },
    ]);
    expect(book.seatsTaken).toBe(6);
    expect(book.waitlisted).toBe(0);
  });

  it('lets a smaller request behind a larger one go first rather than leave seats empty', () => {
    const book = new SeatBook(4);
    book.request('a', 3);
    book.request('b', 3);
    book.request('c', 1);
    expect(book.seatsOf('c')).toBe(1);
    expect(book.release('a')).toEqual([
      { associationId: 'b', status: 'accepted', seats: 3, promoted: true },
    ]);
  });

  it('lets a holder take fewer seats (promoting others) but not more than remain', () => {
    const book = new SeatBook(5);
    book.request('a', 3);
    book.request('b', 2);
    book.request('c', 1);
    const fewer = book.request('a', 2);
    expect(fewer[0]).toEqual({ associationId: 'a', status: 'accepted', seats: 2 });
    expect(fewer[1]).toEqual({ associationId: 'c', status: 'accepted', seats: 1, promoted: true });
    expect(book.request('a', 3)[0]).toEqual({ associationId: 'a', status: 'accepted', seats: 2 });
  });

  it('a waiting association that asks for fewer seats may be promoted at once', () => {
    const book = new SeatBook(4);
    book.request('a', 3);
    book.request('b', 3);
    expect(book.request('b', 1)).toEqual([{ associationId: 'b', status: 'accepted', seats: 1 }]);
  });

  it('promotes no one once the day has started', () => {
    const book = new SeatBook(2);
    book.request('a', 2);
    book.request('b', 2);
    book.closed = true;
    expect(book.release('a')).toEqual([]);
    expect(book.waitlistPosition('b')).toBe(1);
  });

  it('carries its whole state over continue-as-new', () => {
    const book = new SeatBook(3);
    book.request('a', 2);
    book.request('b', 2);
    const again = new SeatBook(3, book.toState());
    expect(again.seatsTaken).toBe(2);
    expect(again.release('a')).toEqual([
      { associationId: 'b', status: 'accepted', seats: 2, promoted: true },
    ]);
  });
});
