import type { Command } from 'commander';
import type { DeliveryProblems } from '../../use-cases/deliveries';
import { print, section, table, type OutputOptions } from '../output';
import { withConnections } from '../session';
import { localTime } from '../status-text';

/** `multaqa event deliveries ID`: refused addresses and possible duplicates of a day. */
export function registerDeliveryCommand(event: Command): void {
  event
    .command('deliveries')
    .description('list addresses refused for good and messages that may have arrived twice')
    .argument('<eventId>')
    .option('--json', 'print JSON')
    .action(async (eventId: string, options: OutputOptions) => {
      const { readDeliveryProblems } = await import('../../use-cases/deliveries');
      const problems = await withConnections((connections) =>
        readDeliveryProblems(connections, eventId),
      );
      print(options, problems, () => deliveriesText(problems));
    });
}

/** The human view of a training day's delivery problems. */
export function deliveriesText(problems: DeliveryProblems): string {
  if (problems.undeliverable.length === 0 && problems.possibleDuplicates.length === 0)
    return 'no delivery problems: no undeliverable addresses, no possible duplicates';
  const when = (at: string) => localTime(at, problems.timeZone);
  const recipient = (entry: {
    recipientKind: string;
    recipientId: string;
    recipientName: string;
  }) =>
    entry.recipientName === entry.recipientId
      ? `${entry.recipientKind} ${entry.recipientId}`
      : `${entry.recipientName} (${entry.recipientKind} ${entry.recipientId})`;
  let text =
    problems.undeliverable.length === 0
      ? 'no undeliverable addresses'
      : `Undeliverable (${problems.undeliverable.length})\n` +
        table(
          ['recipient', 'address', 'purpose', 'reason', 'when'],
          problems.undeliverable.map((entry) => [
            recipient(entry),
            entry.email,
            entry.purpose,
            entry.reason,
            when(entry.at),
          ]),
        );
  if (problems.possibleDuplicates.length > 0)
    text += section(
      `Possible duplicates (${problems.possibleDuplicates.length}): resent after a sender stopped mid-send`,
      table(
        ['recipient', 'address', 'purpose', 'message-id', 'when'],
        problems.possibleDuplicates.map((entry) => [
          recipient(entry),
          entry.email,
          entry.purpose,
          entry.messageId,
          when(entry.at),
        ]),
      ),
    );
  return `${text}\n(times in ${problems.timeZone})`;
}
