import { simpleParser, type ParsedMail } from 'mailparser';
import {
  startEmbeddedSmtp,
  type EmbeddedSmtp,
  type ReceivedMessage,
} from '../../scripts/stack/embedded-smtp';

export interface CapturedMessage extends ReceivedMessage {
  parsed: ParsedMail;
}

/** A real SMTP server on loopback that parses every message it receives, for tests to read. */
export class SmtpSink {
  readonly messages: CapturedMessage[] = [];
  private pending: Promise<unknown>[] = [];
  private server?: EmbeddedSmtp;
  private rejected = new Set<string>();

  async start(port?: number): Promise<this> {
    this.server = await startEmbeddedSmtp({
      port,
      rejectRecipient: (address) => this.rejected.has(address.toLowerCase()),
      onMessage: (message) => {
        this.pending.push(
          simpleParser(message.raw).then((parsed) => this.messages.push({ ...message, parsed })),
        );
      },
    });
    return this;
  }

  get url(): string {
    if (!this.server) throw new Error('SMTP sink not started');
    return this.server.url;
  }

  get port(): number {
    if (!this.server) throw new Error('SMTP sink not started');
    return this.server.port;
  }

  /** Makes the server refuse this address with 550 from now on. */
  reject(address: string): void {
    this.rejected.add(address.toLowerCase());
  }

  /** Messages delivered to `address` (envelope), parsed. */
  to(address: string): CapturedMessage[] {
    return this.messages.filter((message) => message.to.includes(address));
  }

  /** Waits until `predicate` holds over the messages received, or fails after `timeoutMs`. */
  async waitFor(
    predicate: (messages: CapturedMessage[]) => boolean,
    timeoutMs = 20_000,
  ): Promise<CapturedMessage[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await Promise.all(this.pending);
      if (predicate(this.messages)) return this.messages;
      if (Date.now() > deadline)
        throw new Error(
          `SMTP sink: condition not met within ${timeoutMs} ms (${this.messages.length} messages)`,
        );
      await new Promise((wake) => setTimeout(wake, 50));
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.pending);
    await this.server?.close();
    this.server = undefined;
  }
}
