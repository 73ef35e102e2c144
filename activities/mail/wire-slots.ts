/**
 * As many messages on the wire as the SMTP pool has connections. Waiting here rather than in
 * nodemailer's queue means a message marked `on-wire` is really being transmitted, so a crash
 * flags only messages that may truly have been delivered.
 */
export class WireSlots {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(size: number) {
    this.free = Math.max(1, size);
  }

  /** Waits for a free slot; call the returned function once to give it back. */
  async take(): Promise<() => void> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let given = false;
    return () => {
      if (given) return;
      given = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    };
  }
}

/** The pool size a transport built from `smtpUrl` uses (see workers/mail-transport.ts). */
export function poolSizeOf(smtpUrl: string | undefined): number {
  if (!smtpUrl) return 3;
  const url = new URL(smtpUrl);
  if (url.searchParams.get('pool') === 'false') return 1;
  const size = Number(url.searchParams.get('maxConnections') ?? '3');
  return Number.isInteger(size) && size > 0 ? size : 3;
}
