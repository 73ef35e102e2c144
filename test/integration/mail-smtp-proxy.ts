import { createServer, Socket, type Server } from 'node:net';

interface Pair {
  client: Socket;
  server: Socket;
  held: Buffer[];
  /** The client sent an end of message data: replies after it are dropped while muting. */
  dataEnded: boolean;
}

/**
 * A TCP relay in front of a real SMTP server, on loopback, to stage network trouble: hold what
 * clients send (the server's replies still flow), cut every connection, refuse new ones.
 * Holding first and cutting after is how a test stops sends at a known point: everything the
 * server fully received has been answered, everything else dies before its end-of-data.
 */
export class SmtpRelay {
  private server?: Server;
  private readonly pairs = new Set<Pair>();
  private holding = false;
  private muting = false;
  private refusing = false;

  constructor(
    private readonly targetPort: number,
    private readonly targetHost = '127.0.0.1',
  ) {}

  async start(port = 0): Promise<this> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(port, '127.0.0.1', () => resolve());
    });
    return this;
  }

  get port(): number {
    const address = this.server?.address();
    if (!address || typeof address === 'string') throw new Error('relay not started');
    return address.port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Stops forwarding what clients send (kept, not lost); replies keep flowing. */
  hold(): void {
    this.holding = true;
  }

  /** Forwards again, held bytes first. */
  release(): void {
    this.holding = false;
    for (const pair of this.pairs) {
      for (const chunk of pair.held.splice(0)) pair.server.write(chunk);
    }
  }

  /**
   * While set, the server's replies after a message's end of data are dropped: the server takes
   * the message but the client never hears that it did, as when that reply is lost.
   */
  muteAfterData(muting: boolean): void {
    this.muting = muting;
  }

  /** Drops every open connection, held bytes with them. */
  cut(): void {
    for (const pair of this.pairs) {
      pair.held.length = 0;
      pair.server.destroy();
      pair.client.destroy();
    }
    this.pairs.clear();
  }

  /** While set, new connections are closed at once (a server that is down). */
  refuse(refusing: boolean): void {
    this.refusing = refusing;
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private accept(client: Socket): void {
    if (this.refusing) {
      client.destroy();
      return;
    }
    const server = new Socket();
    const pair: Pair = { client, server, held: [], dataEnded: false };
    this.pairs.add(pair);
    const drop = (): void => {
      this.pairs.delete(pair);
      pair.held.length = 0;
      client.destroy();
      server.destroy();
    };
    client.on('data', (chunk: Buffer) => {
      if (chunk.includes('\r\n.\r\n')) pair.dataEnded = true;
      if (this.holding) pair.held.push(chunk);
      else server.write(chunk);
    });
    server.on('data', (chunk: Buffer) => {
      if (!(this.muting && pair.dataEnded)) client.write(chunk);
    });
    client.on('close', drop);
    server.on('close', drop);
    client.on('error', drop);
    server.on('error', drop);
    server.connect(this.targetPort, this.targetHost);
  }
}
