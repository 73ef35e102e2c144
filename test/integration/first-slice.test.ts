import { resolve } from 'node:path';
import { runCli } from '../support/cli';
import { startTestStack, type TestStack } from '../support/stack';

const SEED_FILE = resolve(__dirname, '..', '..', 'examples', 'safi-2018-11-23.json');

describe('the first slice: an event created and queried through the CLI on the real Temporal server', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('first-slice');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('creates the seed day and reads its phase back from the running workflow', async () => {
    const created = await runCli(['event', 'create', '--file', SEED_FILE, '--json'], stack.env);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const { eventId } = JSON.parse(created.stdout) as { eventId: string };
    expect(eventId).toBe('safi-2018-11-23');

    const status = await runCli(['event', 'status', eventId, '--json'], stack.env);
    expect(status.code).toBe(0);
    const parsed = JSON.parse(status.stdout) as {
      eventId: string;
      phase: string;
      startsAt: string;
    };
    expect(parsed.eventId).toBe(eventId);
    expect(typeof parsed.phase).toBe('string');
    expect(parsed.startsAt).toBe('2018-11-23T14:00:00Z');
  });

  it('refuses an event file with a bad field, names the field, and exits with code 2', async () => {
    const bad = resolve(__dirname, '..', 'fixtures', 'event-overlapping-agenda.json');
    const result = await runCli(['event', 'create', '--file', bad, '--json'], stack.env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/agenda\.1\.start/);
  });
});
