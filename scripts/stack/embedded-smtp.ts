import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface ReceivedMessage {
  /** The SMTP envelope: who it was really delivered to. */
  from: string;
  to: string[];
  raw: Buffer;
  receivedAt: Date;
  /** The `.eml` file it was kept in, when an outbox folder is set. */
  file?: string;
}

export interface EmbeddedSmtpOptions {
  host?: string;
  port?: number;
  /** Keep every message as `.eml` here (the coordinator's outbox). */
  outboxDir?: string;
  /** Refuse these recipients with 550, as a real server refuses unknown mailboxes. */
  rejectRecipient?: (address: string) => boolean;
  onMessage?: (message: ReceivedMessage) => void;
}

export interface EmbeddedSmtp {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback that accepts everything (no auth, no TLS) and keeps what it
 * receives: the default mail server of `npm start`, and the server tests read messages back from.
 */
export async function startEmbeddedSmtp(options: EmbeddedSmtpOptions = {}): Promise<EmbeddedSmtp> {
  const host = options.host ?? '127.0.0.1';
  if (options.outboxDir) mkdirSync(options.outboxDir, { recursive: true });
  let sequence = 0;
  const serverOptions: SMTPServerOptions = {
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 25 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipient?.(address.address)) {
        const error = Object.assign(new Error(`mailbox unavailable: ${address.address}`), {
          responseCode: 550,
        });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const receivedAt = new Date();
        const message: ReceivedMessage = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw,
          receivedAt,
        };
        if (options.outboxDir) {
          sequence += 1;
          const stamp = receivedAt.toISOString().replace(/[:.]/g, '-');
          message.file = join(options.outboxDir, `${stamp}-${process.pid}-${sequence}.eml`);
          writeFileSync(message.file, raw);
        }
        options.onMessage?.(message);
        callback();
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  server.on('error', () => undefined);
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  return {
    url: `smtp://${host}:${port}`,
    port,
    close: () => new Promise<void>((resolveClose) => server.close(() => resolveClose())),
  };
}
