import nodemailer, { type Transporter } from 'nodemailer';

/**
 * A pooled SMTP transport for `smtpUrl`. Pooling keeps a few connections open so a campaign
 * does not pay a TLS and SMTP handshake per message.
 */
export function createMailTransport(smtpUrl: string): Transporter {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  if (!url.searchParams.has('maxConnections')) url.searchParams.set('maxConnections', '3');
  return nodemailer.createTransport(url.toString());
}
