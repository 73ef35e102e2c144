import {
  classifySmtpFailure,
  MailServerUnavailableError,
} from '../../activities/mail/smtp-failure';

/** An error shaped as nodemailer 10 reports SMTP replies and socket failures. */
function smtpError(fields: Record<string, unknown>): Error {
  return Object.assign(new Error(String(fields.message ?? 'smtp error')), fields);
}

describe('sorting SMTP failures', () => {
  it('treats a 5xx refusal of the recipient as a permanent failure of that address', () => {
    const failure = classifySmtpFailure(
      smtpError({
        code: 'EENVELOPE',
        command: 'RCPT TO',
        responseCode: 550,
        permanent: true,
        response: '550 5.1.1 mailbox unavailable',
      }),
    );
    expect(failure).toEqual({ kind: 'recipient-refused', reason: '550 5.1.1 mailbox unavailable' });
  });

  it('treats a 5xx refusal of the message itself (policy, content) as permanent for this message', () => {
    const failure = classifySmtpFailure(
      smtpError({
        code: 'EMESSAGE',
        command: 'DATA',
        responseCode: 554,
        permanent: true,
        response: '554 rejected',
      }),
    );
    expect(failure.kind).toBe('recipient-refused');
  });

  it.each([
    [
      'a greylisting 4xx on the recipient',
      { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 451, permanent: false },
    ],
    [
      'a 503 bad sequence',
      { code: 'EPROTOCOL', command: 'RCPT TO', responseCode: 503, permanent: false },
    ],
    ['a refused connection', { code: 'ESOCKET', originalCode: 'ECONNREFUSED', command: 'CONN' }],
    ['a dropped connection', { code: 'ECONNECTION', command: 'CONN' }],
    ['a timeout', { code: 'ETIMEDOUT', command: 'CONN' }],
    [
      'a refused login',
      { code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535, permanent: true },
    ],
    [
      'a refused sender (our configuration)',
      { code: 'EENVELOPE', command: 'MAIL FROM', responseCode: 550, permanent: true },
    ],
  ])('treats %s as the server being unavailable, to retry', (_name, fields) => {
    const failure = classifySmtpFailure(smtpError(fields));
    expect(failure.kind).toBe('server-unavailable');
    if (failure.kind === 'server-unavailable') {
      expect(failure.error).toBeInstanceOf(MailServerUnavailableError);
      expect(failure.error.name).toBe('MailServerUnavailable');
    }
  });

  it('works out permanence from the reply code when the error does not say', () => {
    expect(classifySmtpFailure(smtpError({ command: 'RCPT TO', responseCode: 550 })).kind).toBe(
      'recipient-refused',
    );
    expect(classifySmtpFailure(smtpError({ command: 'RCPT TO', responseCode: 421 })).kind).toBe(
      'server-unavailable',
    );
  });
});
