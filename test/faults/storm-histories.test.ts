import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { quietTemporalRuntime, workflowBundle } from '../support/temporal';

/**
 * The two histories an invitation shard wrote during an RSVP storm before it stopped with a
 * nondeterminism error (docs/reliability.md, "The RSVP storm's nondeterminism error"). Each
 * fails to replay as kept. Each replays whole once it shows the workflow tasks the worker
 * really ran: the worker (the SDK's core) ran some events' jobs in an activation that no
 * workflow task of the history delimits, and sent that activation's commands at the head of
 * the next task's. A replay cannot know that, so it runs those jobs together with the next
 * task's, in another order and at another time, and stops. The workflow code produced the
 * history from the activations it was given; it is not what differs.
 */

type HistoryEvent = Record<string, unknown> & { eventId: string; eventType: string };
interface HistoryJson {
  events: HistoryEvent[];
}

const HISTORIES = join(__dirname, 'histories');

function load(name: string): HistoryJson {
  return JSON.parse(readFileSync(join(HISTORIES, name), 'utf8')) as HistoryJson;
}

async function replayError(history: HistoryJson, name: string): Promise<Error | undefined> {
  const results = Worker.runReplayHistories({ workflowBundle: workflowBundle() }, [
    { workflowId: name, history: historyFromJSON(history) },
  ]);
  for await (const result of results) if (result.error) return result.error;
  return undefined;
}

function attributesOf(event: HistoryEvent): Record<string, unknown> {
  const key = Object.keys(event).find((name) => name.endsWith('EventAttributes'));
  return key ? (event[key] as Record<string, unknown>) : {};
}

/**
 * Gives every event its position as id and rewrites each reference to an event (`…EventId`)
 * by `idOf`; the command events in `commandsOf` point to their new task's completion.
 */
function renumber(
  events: HistoryEvent[],
  idOf: Map<string, string>,
  commandsOf: { completion: string; commands: Set<HistoryEvent> },
): HistoryEvent[] {
  const rewrite = (value: unknown, isCommand: boolean): unknown => {
    if (Array.isArray(value)) return value.map((item) => rewrite(item, isCommand));
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => {
        if (key === 'workflowTaskCompletedEventId' && isCommand)
          return [key, idOf.get(commandsOf.completion)];
        if (key.endsWith('EventId') && typeof inner === 'string')
          return [key, idOf.get(inner) ?? inner];
        return [key, rewrite(inner, isCommand)];
      }),
    );
  };
  return events.map((event) => ({
    ...(rewrite(event, commandsOf.commands.has(event)) as HistoryEvent),
    eventId: idOf.get(event.eventId)!,
  }));
}

/** Ids by position, keyed by each event's old id (or placeholder). */
function positions(events: HistoryEvent[]): Map<string, string> {
  return new Map(events.map((event, index) => [event.eventId, String(index + 1)]));
}

/**
 * The worker ran the timed-out task `startedId` to its end and sent the commands `commandIds`
 * with the next task: show that task as completed with those commands.
 */
function timedOutTaskAsRun(history: HistoryJson, startedId: number, commandIds: number[]) {
  const byId = new Map(history.events.map((event) => [Number(event.eventId), event]));
  const timedOut = history.events.find(
    (event) =>
      event.eventType === 'EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT' &&
      attributesOf(event).startedEventId === String(startedId),
  )!;
  const scheduledId = attributesOf(timedOut).scheduledEventId as string;
  const completed: HistoryEvent = {
    eventId: timedOut.eventId,
    eventTime: timedOut.eventTime,
    eventType: 'EVENT_TYPE_WORKFLOW_TASK_COMPLETED',
    taskId: timedOut.taskId,
    workflowTaskCompletedEventAttributes: {
      scheduledEventId: scheduledId,
      startedEventId: String(startedId),
    },
  };
  const moved = commandIds.map((id) => byId.get(id)!);
  const events: HistoryEvent[] = [];
  for (const event of history.events) {
    if (moved.includes(event)) continue;
    if (event === timedOut) events.push(completed, ...moved);
    else events.push(event);
  }
  const commands = { completion: completed.eventId, commands: new Set(moved) };
  return { ...history, events: renumber(events, positions(events), commands) };
}

/**
 * The worker ran the events after `afterId` (up to a query's view of the history) in an
 * activation of its own at the time `at`, and sent its commands `commandIds` with the task
 * that started as `startedId`: show that activation as a task of its own.
 */
function queryActivationAsTask(
  history: HistoryJson,
  afterId: number,
  at: string,
  startedId: number,
  commandIds: number[],
) {
  const byId = new Map(history.events.map((event) => [Number(event.eventId), event]));
  const started = byId.get(startedId)!;
  const scheduledId = attributesOf(started).scheduledEventId as string;
  const scheduled = byId.get(Number(scheduledId))!;
  const ranStarted: HistoryEvent = {
    eventId: 'ran-started',
    eventTime: at,
    eventType: 'EVENT_TYPE_WORKFLOW_TASK_STARTED',
    taskId: started.taskId,
    workflowTaskStartedEventAttributes: { scheduledEventId: scheduledId },
  };
  const ranCompleted: HistoryEvent = {
    eventId: 'ran-completed',
    eventTime: at,
    eventType: 'EVENT_TYPE_WORKFLOW_TASK_COMPLETED',
    taskId: started.taskId,
    workflowTaskCompletedEventAttributes: {
      scheduledEventId: scheduledId,
      startedEventId: 'ran-started',
    },
  };
  // The task that started as `startedId` is the next one, scheduled anew.
  const rescheduled: HistoryEvent = {
    ...scheduled,
    eventId: 'rescheduled',
    eventTime: started.eventTime,
  };
  const moved = commandIds.map((id) => byId.get(id)!);
  const events: HistoryEvent[] = [];
  for (const event of history.events) {
    if (moved.includes(event)) continue;
    if (event === started) events.push(rescheduled);
    events.push(event);
    if (Number(event.eventId) === afterId) events.push(ranStarted, ranCompleted, ...moved);
  }
  const idOf = positions(events);
  const commands = { completion: 'ran-completed', commands: new Set(moved) };
  const renumbered = renumber(events, idOf, commands);
  // The later task now answers the new scheduled event.
  for (const event of renumbered) {
    const attributes = attributesOf(event);
    if (event.eventId === idOf.get(started.eventId))
      attributes.scheduledEventId = idOf.get('rescheduled');
    if (
      event.eventType === 'EVENT_TYPE_WORKFLOW_TASK_COMPLETED' &&
      attributes.startedEventId === idOf.get(started.eventId)
    )
      attributes.scheduledEventId = idOf.get('rescheduled');
  }
  return { ...history, events: renumbered };
}

describe("the RSVP storm's nondeterministic shard histories", () => {
  beforeAll(() => quietTemporalRuntime());

  describe('a workflow task that timed out, whose commands went out with the next one', () => {
    const kept = load('storm-shard-nondeterminism.json');

    it('does not replay as kept (Update machine … TimerStarted, event 475)', async () => {
      const error = await replayError(kept, 'kept-1');
      expect(error).toBeInstanceOf(DeterminismViolationError);
      expect(error?.message).toContain('HistoryEvent(id: 475, TimerStarted)');
    });

    it('replays whole with task 463 shown as run, its timer, update and batch (475-477) in it', async () => {
      const asRun = timedOutTaskAsRun(kept, 463, [475, 476, 477]);
      expect(await replayError(asRun, 'as-run-1')).toBeUndefined();
    });
  });

  describe('events run in an activation of a query task, at the time of the task before', () => {
    const kept = load('storm-shard-nondeterminism-2.json');

    it('does not replay as kept (Signal external … UpdateCompleted, event 492)', async () => {
      const error = await replayError(kept, 'kept-2');
      expect(error).toBeInstanceOf(DeterminismViolationError);
      expect(error?.message).toContain('HistoryEvent(id: 492, WorkflowExecutionUpdateCompleted)');
    });

    it('replays whole with events 484-488 run before the report was due (10.957)', async () => {
      const asRun = queryActivationAsTask(kept, 488, '2026-12-01T08:18:10.940Z', 490, [492, 493]);
      expect(await replayError(asRun, 'as-run-2')).toBeUndefined();
    });

    it('still fails with the same events run once the report was due: time is what differs', async () => {
      const late = queryActivationAsTask(kept, 488, '2026-12-01T08:18:10.996Z', 490, [492, 493]);
      expect(await replayError(late, 'late-2')).toBeInstanceOf(DeterminismViolationError);
    });
  });
});
