import { allHandlersFinished, continueAsNew, setHandler } from '@temporalio/workflow';
import type { EventBrief } from '../domain/event-brief';
import {
  getSeatLedger,
  ledgerEventChanged,
  releaseSeats,
  requestSeats,
  seatDecision,
  type SeatDecisionNotice,
  type SeatLedgerInput,
} from '../domain/messages/registration';
import { seatLedgerReport } from '../domain/messages/training-day';
import { shardOf, workflowIds } from '../domain/workflow-ids';
import {
  Alarm,
  earliest,
  inBatches,
  now,
  ReportThrottle,
  resolveTuning,
  runIsLarge,
  signalQuietly,
} from './kit';
import { SeatBook, type SeatDecision } from './seat-ledger-state';

/**
 * The single authority on a training day's capacity and waiting list. Invitation shards
 * signal `requestSeats`/`releaseSeats`; every decision goes back to the association's shard
 * as `seatDecision`, promotions from the waiting list included. Promotions stop when the day
 * starts. Reports its totals to the training day at most once per report interval.
 */
export async function seatLedgerWorkflow(input: SeatLedgerInput): Promise<void> {
  const tuning = resolveTuning(input.tuning);
  const { eventId } = input.event;
  const parentId = workflowIds.trainingDay(eventId);
  let event: EventBrief = input.event;
  const book = new SeatBook(event.capacity, input.state);
  const outbox: Array<SeatDecisionNotice & { shard: number }> = [...(input.state?.outbox ?? [])];
  const reports = new ReportThrottle(tuning.reportIntervalMs);
  // Every run reports once: the parent hears of the state it starts from.
  reports.markChanged();
  let cancelled = input.state?.cancelled ?? false;
  let dayOver = input.state?.dayOver ?? false;
  let poked = false;
  const alarm = new Alarm();

  const queue = (decisions: SeatDecision[], requester?: { id: string; shard: number }) => {
    for (const decision of decisions)
      outbox.push({
        ...decision,
        shard:
          requester && decision.associationId === requester.id
            ? requester.shard
            : shardOf(decision.associationId, input.shardCount),
      });
    reports.markChanged();
    poked = true;
  };

  setHandler(getSeatLedger, () => ({
    capacity: book.capacity,
    seatsTaken: book.seatsTaken,
    holders: book.accepted,
    waitlist: book.waitingList(),
  }));
  setHandler(requestSeats, ({ associationId, seats, shard }) =>
    queue(book.request(associationId, Math.min(seats, event.seatsPerAssociation)), {
      id: associationId,
      shard,
    }),
  );
  setHandler(releaseSeats, ({ associationId }) => queue(book.release(associationId)));
  setHandler(ledgerEventChanged, (change) => {
    event = change.event;
    if (change.cancelled) cancelled = true;
    if (change.dayOver) dayOver = true;
    poked = true;
  });

  const report = async () => {
    const version = reports.begin();
    await signalQuietly(parentId, seatLedgerReport, {
      seatsTaken: book.seatsTaken,
      accepted: book.accepted,
      waitlisted: book.waitlisted,
    });
    reports.reported(version, now());
  };

  for (;;) {
    if (cancelled) return;
    const over = dayOver || now() >= Date.parse(event.endsAt);
    // First thing on waking, so that a busy ledger still hands over; the outbox goes along.
    const handOver = runIsLarge(tuning) && !over;
    if (handOver && allHandlersFinished())
      return continueAsNew<typeof seatLedgerWorkflow>({
        ...input,
        event,
        state: { ...book.toState(), outbox, dayOver, cancelled },
      });
    const started = now() >= Date.parse(event.startsAt);
    if (started !== book.closed) {
      book.closed = started;
      // A reschedule to a later date reopens promotions.
      if (!started) queue(book.promote());
    }
    // What is queued now; decisions made meanwhile go on the next turn.
    await inBatches(outbox.splice(0), tuning.startBatchSize, ({ shard, ...decision }) =>
      signalQuietly(workflowIds.invitationShard(eventId, shard), seatDecision, decision),
    );
    if (reports.isDue(now())) await report();
    if (over) {
      if (reports.pending) await report();
      return;
    }
    await alarm.wait(
      () => poked || (handOver && allHandlersFinished()),
      earliest(
        reports.dueAt(),
        book.closed ? undefined : Date.parse(event.startsAt),
        Date.parse(event.endsAt),
      ),
    );
    poked = false;
  }
}
