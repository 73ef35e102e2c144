import { MissingLinkSecretError, renderMessage } from '../../mail/render-message';
import { verifyLinkToken } from '../../mail/signed-links';
import { FSI, PDI, RLM } from '../../mail/text-safety';
import type { EventBrief } from '../../domain/event-brief';
import {
  MESSAGE_PURPOSES,
  type MessageDetails,
  type MessagePurpose,
  type MessageRecipient,
  type SendMessageRequest,
} from '../../domain/messages/mail';
import {
  SEND_TIME,
  TEST_BASE_URL,
  TEST_SECRET,
  associationIn,
  seedEventBrief,
  seedPartnersAndSpeakers,
} from './mail-fixtures';

const options = { linkSecret: TEST_SECRET, baseUrl: TEST_BASE_URL, now: SEND_TIME };
const event = seedEventBrief();

/** Details every purpose might read, so each template shows all it can. */
const richDetails: MessageDetails = {
  seats: 3,
  waitlistPosition: 4,
  agendaItemId: 'talk-ads-strategy',
  partnerId: 'ads-marrakech-safi',
  partnerName: 'Agence de Développement Social',
  speakerName: 'Mme Leila Bennani',
  answerBy: '2018-11-05T17:00:00Z',
  note: 'Merci de votre soutien.',
  reason: 'Agenda chargé',
  contributions: ['speaker', 'outreach'],
  audience: { provinces: ['Safi', 'Youssoufia'], sectors: ['trade', 'crafts'] },
  followUp: {
    recommendationId: 'capacity-building',
    text: 'Former les responsables des associations au montage de projets',
    dueAt: '2019-02-28',
    status: 'in-progress',
  },
  visit: {
    visitId: 'potiers-visit',
    hostName: 'Association des artisans potiers de Safi',
    visitorNames: ['جمعية تجار السوق المركزي بآسفي', 'Association des couturiers de Youssoufia'],
    date: '2019-03-14',
    place: 'Colline des potiers, Safi',
  },
  digest: { items: [{ title: 'Partenaires', body: 'ADS : confirmé\nProvince : en attente' }] },
};

function recipientFor(purpose: MessagePurpose, language: 'ar' | 'fr' | 'en'): MessageRecipient {
  if (purpose.startsWith('speaker-') && purpose !== 'speaker-replacement-needed')
    return {
      id: 'ads-provincial-coordinator',
      kind: 'speaker',
      name: 'Mme Leila Bennani',
      email: 'l.bennani@example.org',
      language,
    };
  if (purpose.startsWith('partner-request') || purpose === 'partner-reminder')
    return {
      id: 'ads-marrakech-safi',
      kind: 'partner',
      name: 'Nadia Amrani',
      email: 'nadia@example.org',
      language,
    };
  if (
    [
      'partner-escalation',
      'partner-declined',
      'audience-empty',
      'speaker-replacement-needed',
      'follow-up-escalation',
      'coordination-digest',
    ].includes(purpose)
  )
    return {
      id: 'coordinator',
      kind: 'coordinator',
      name: 'Salma Idrissi',
      email: 'coordination@ccis-safi.example.org',
      language,
    };
  return associationIn(language);
}

function request(
  purpose: MessagePurpose,
  recipient: MessageRecipient,
  overrides: Partial<SendMessageRequest> = {},
): SendMessageRequest {
  return { purpose, event, recipient, revision: 0, details: richDetails, ...overrides };
}

describe('every message, in every language', () => {
  const cases = MESSAGE_PURPOSES.flatMap((purpose) =>
    (['ar', 'fr', 'en'] as const).map((language) => [purpose, language] as const),
  );

  it.each(cases)(
    '%s in %s renders a complete subject, text and HTML',
    async (purpose, language) => {
      const message = await renderMessage(
        request(purpose, recipientFor(purpose, language)),
        options,
      );
      expect(message.language).toBe(language);
      expect(message.subject.length).toBeGreaterThan(5);
      expect(message.subject).not.toMatch(/[\r\n\u2066-\u2069]/);
      for (const part of [message.subject, message.text, message.html]) {
        expect(part).not.toMatch(/undefined|\[object |\$\{|NaN/);
      }
      expect(message.html).toContain(
        `<html dir="${language === 'ar' ? 'rtl' : 'ltr'}" lang="${language}">`,
      );
      expect(message.headers['Content-Language']).toBe(language);
      // Isolates are balanced, so no value's direction leaks into the sentence after it.
      expect(message.text.split(FSI).length).toBe(message.text.split(PDI).length);
      expect(message.html).not.toContain(FSI);
      if (language === 'ar') expect(message.subject).toMatch(/[\u0600-\u06ff]/);
      else
        expect(message.subject).not.toMatch(
          /[\u0600-\u06ff]{4}.*[\u0600-\u06ff]{4}.*[\u0600-\u06ff]{4}/,
        );
    },
  );
});

describe('Arabic messages', () => {
  it('are right to left: dir="rtl" HTML, right-aligned, and RLM-led plain-text lines', async () => {
    const message = await renderMessage(
      request('association-invitation', associationIn('ar')),
      options,
    );
    expect(message.direction).toBe('rtl');
    expect(message.html).toContain('<html dir="rtl" lang="ar">');
    expect(message.html).toContain('<body dir="rtl"');
    expect(message.html).toContain('text-align:right');
    const lines = message.text.split('\n').filter((line) => line.length > 0 && line !== '--');
    for (const line of lines) {
      if (line.startsWith('http')) expect(line).toMatch(/^https:\/\/\S+$/);
      else expect(line.startsWith(RLM)).toBe(true);
    }
  });

  it('keep Latin names and times readable inside Arabic sentences by isolating them', async () => {
    const message = await renderMessage(
      request('association-invitation', associationIn('ar')),
      options,
    );
    expect(message.text).toContain(`${FSI}Salma Idrissi${PDI}`);
    expect(message.text).toContain(`${FSI}15:00\u201318:30${PDI}`);
    expect(message.html).toContain('<bdi>Salma Idrissi</bdi>');
  });

  it('write dates the Moroccan way, in the day’s time zone', async () => {
    const message = await renderMessage(
      request('association-invitation', associationIn('ar')),
      options,
    );
    expect(message.text).toContain('الجمعة، 23 نونبر 2018');
    expect(message.subject).toContain('دعوة');
  });

  it('count seats with Arabic plural forms', async () => {
    const texts = await Promise.all(
      [1, 2, 3, 11].map(
        async (seats) =>
          (
            await renderMessage(
              request('rsvp-confirmation', associationIn('ar'), { details: { seats } }),
              options,
            )
          ).text,
      ),
    );
    expect(texts[0]).toContain('مشارك واحد');
    expect(texts[1]).toContain('مشاركَين اثنين');
    expect(texts[2]).toContain('3 مشاركين');
    expect(texts[3]).toContain('11 مشاركاً');
  });
});

describe('dates and languages', () => {
  it('writes the day’s date and hours in French and English, in Casablanca time', async () => {
    const fr = await renderMessage(request('association-invitation', associationIn('fr')), options);
    const en = await renderMessage(request('association-invitation', associationIn('en')), options);
    expect(fr.text).toContain('vendredi 23 novembre 2018');
    expect(fr.text).toContain('15:00\u201318:30 (UTC+1)');
    expect(fr.text).toContain('Date limite de réponse\u00a0: mardi 20 novembre 2018');
    expect(en.text).toContain('Friday, 23 November 2018');
    expect(en.text).toContain('15:00\u201318:30 (GMT+1)');
  });

  it('shows the day in its own zone, not the server’s: the same instant reads 09:00 in New York', async () => {
    const elsewhere: EventBrief = { ...event, timeZone: 'America/New_York' };
    const message = await renderMessage(
      request('association-invitation', associationIn('en'), { event: elsewhere }),
      options,
    );
    expect(message.text).toContain('09:00\u201312:30');
  });

  it('falls back from the recipient’s language to the day’s languages, then French', async () => {
    const frenchOnly: EventBrief = {
      ...event,
      languages: ['fr'],
      title: { fr: 'Journée de Safi' },
      theme: { fr: 'Appui aux associations' },
    };
    const english = await renderMessage(
      request('association-invitation', associationIn('en'), { event: frenchOnly }),
      options,
    );
    expect(english.language).toBe('en');
    expect(english.subject).toBe('Invitation: Journée de Safi — Friday, 23 November 2018');
    const unknown = await renderMessage(
      request(
        'association-invitation',
        {
          ...associationIn('en'),
          language: 'es' as unknown as 'en',
        },
        { event: frenchOnly },
      ),
      options,
    );
    expect(unknown.language).toBe('fr');
    expect(unknown.html).toContain('lang="fr"');
  });

  it('gives a speaker their own slot, times included, highlighted in the programme', async () => {
    const speaker = seedPartnersAndSpeakers().find(
      (recipient) => recipient.id === 'ads-provincial-coordinator',
    );
    if (!speaker) throw new Error('seed speaker missing');
    const message = await renderMessage(
      request('speaker-invitation', speaker, { details: { agendaItemId: 'talk-ads-strategy' } }),
      options,
    );
    expect(message.text).toContain(
      "l'intervention «\u00a0Stratégie de l'Agence de Développement Social et mécanismes de financement\u00a0», de 16:00 à 16:40",
    );
    expect(message.text).toContain('▶ 16:00\u201316:40');
    expect(message.html).toContain('background:#fff3c4');
  });
});

describe('safety', () => {
  const hostile: MessageRecipient = {
    ...associationIn('fr'),
    name: 'Evil <script>alert("x")</script> & Co\r\nBcc: victim@example.org',
  };

  it('escapes every user value in the HTML part', async () => {
    const message = await renderMessage(request('association-invitation', hostile), options);
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain(
      'Evil &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co',
    );
  });

  it('strips line breaks from names and titles, so no header can be injected', async () => {
    const hostileTitle: EventBrief = {
      ...event,
      title: { fr: 'Journée\r\nBcc: victim@example.org' },
      organiser: { ...event.organiser, coordinatorName: 'Salma\nX-Evil: 1' },
    };
    const message = await renderMessage(
      request('association-invitation', hostile, { event: hostileTitle }),
      options,
    );
    for (const value of [
      message.subject,
      message.to.name,
      message.replyTo.name,
      ...Object.values(message.headers),
    ]) {
      expect(value).not.toMatch(/[\r\n]/);
    }
    expect(message.subject).toContain('Journée Bcc: victim@example.org');
    expect(message.text).not.toMatch(/^Bcc:/m);
    expect(message.to.name).toBe('Evil <script>alert("x")</script> & Co Bcc: victim@example.org');
  });

  it('removes bidi override characters that could make a name read as something else', async () => {
    const spoofed: MessageRecipient = {
      ...associationIn('fr'),
      name: 'Potiers \u202egpj.exe\u202c de Safi',
    };
    const message = await renderMessage(request('association-invitation', spoofed), options);
    expect(message.text).not.toMatch(/[\u202a-\u202e]/);
    expect(message.html).not.toMatch(/[\u202a-\u202e]/);
    expect(message.text).toContain('Potiers gpj.exe de Safi');
  });
});

describe('links in messages', () => {
  it('gives an invitation accept and decline links that verify to this association and day', async () => {
    const recipient = associationIn('fr');
    const message = await renderMessage(
      request('association-invitation', { ...recipient, shard: 2 }),
      options,
    );
    const rsvp = message.links.rsvp;
    if (!rsvp) throw new Error('no RSVP link');
    expect(message.html).toContain(`href="${rsvp.url}?answer=accept"`);
    expect(message.text).toContain(`${rsvp.url}?answer=decline`);
    expect(verifyLinkToken(rsvp.token, TEST_SECRET, SEND_TIME, 'rsvp')).toMatchObject({
      eventId: event.eventId,
      associationId: recipient.id,
      shard: 2,
    });
  });

  it('puts the check-in link and its QR code in a confirmation', async () => {
    const message = await renderMessage(request('rsvp-confirmation', associationIn('ar')), options);
    const checkIn = message.links['check-in'];
    if (!checkIn) throw new Error('no check-in link');
    expect(message.html).toContain(`href="${checkIn.url}"`);
    expect(message.html).toContain('src="cid:check-in-qr@multaqa"');
    expect(message.inlineImages).toHaveLength(1);
    expect(message.inlineImages[0]?.content.subarray(1, 4).toString()).toBe('PNG');
    expect(message.links.rsvp).toBeDefined();
  });

  it('puts a survey link valid thirty days in the thank-you message', async () => {
    const message = await renderMessage(request('thank-you-survey', associationIn('en')), options);
    expect(message.links.survey?.expiresAt.toISOString()).toBe('2018-12-23T17:30:00.000Z');
    expect(message.text).toContain('The link stays open until Sunday, 23 December 2018.');
  });

  it('gives campaign mail, and only campaign mail, a one-click opt-out (RFC 8058)', async () => {
    for (const purpose of ['association-invitation', 'rsvp-reminder'] as const) {
      const message = await renderMessage(request(purpose, associationIn('ar')), options);
      const unsubscribe = message.links.unsubscribe;
      if (!unsubscribe) throw new Error(`no unsubscribe link in ${purpose}`);
      expect(message.headers['List-Unsubscribe']).toBe(`<${unsubscribe.url}>`);
      expect(message.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      expect(message.html).toContain(`href="${unsubscribe.url}"`);
      expect(message.text).toContain(`الاشتراك:\n${unsubscribe.url}`);
      // A year from sending, whatever becomes of the day.
      expect(unsubscribe.expiresAt.getTime() - SEND_TIME.getTime()).toBe(365 * 86_400_000);
    }
    for (const purpose of [
      'rsvp-confirmation',
      'programme-change',
      'attendance-reminder',
    ] as const) {
      const message = await renderMessage(request(purpose, associationIn('fr')), options);
      expect(message.links.unsubscribe).toBeUndefined();
      expect(message.headers['List-Unsubscribe']).toBeUndefined();
    }
  });

  it('comes from the organiser, by name in the message language, at the day’s own address when it has one', async () => {
    const plain = await renderMessage(
      request('association-invitation', associationIn('en')),
      options,
    );
    expect(plain.from).toEqual({ name: event.organiser.name.en });
    const own = await renderMessage(
      {
        ...request('association-invitation', associationIn('ar')),
        event: { ...event, organiser: { ...event.organiser, email: 'formation@ccis.example' } },
      },
      options,
    );
    expect(own.from).toEqual({ name: event.organiser.name.ar, address: 'formation@ccis.example' });
  });

  it('gives partners, speakers and the coordinator no public links', async () => {
    for (const recipient of seedPartnersAndSpeakers()) {
      const message = await renderMessage(request('speaker-invitation', recipient), options);
      expect(message.links).toEqual({});
      expect(message.text).not.toContain('/links/');
    }
  });

  it('refuses to render a message that needs a link when no secret is configured', async () => {
    await expect(
      renderMessage(request('association-invitation', associationIn('fr')), {
        ...options,
        linkSecret: undefined,
      }),
    ).rejects.toBeInstanceOf(MissingLinkSecretError);
    await expect(
      renderMessage(request('speaker-invitation', seedPartnersAndSpeakers()[2]!), {
        ...options,
        linkSecret: undefined,
      }),
    ).resolves.toBeDefined();
  });
});

describe('determinism and identity', () => {
  it('renders the same message twice from the same request and clock', async () => {
    const first = await renderMessage(request('rsvp-confirmation', associationIn('fr')), options);
    const second = await renderMessage(request('rsvp-confirmation', associationIn('fr')), options);
    expect(second).toEqual(first);
  });

  it('gives a message a Message-ID fixed by event, recipient, purpose and revision', async () => {
    const base = await renderMessage(
      request('association-invitation', associationIn('fr')),
      options,
    );
    const later = await renderMessage(request('association-invitation', associationIn('fr')), {
      ...options,
      now: new Date('2018-11-01T00:00:00Z'),
    });
    const revised = await renderMessage(
      request('association-invitation', associationIn('fr'), { revision: 1 }),
      options,
    );
    const other = await renderMessage(request('rsvp-reminder', associationIn('fr')), options);
    expect(base.messageId).toMatch(/^<[0-9a-f]{64}@multaqa>$/);
    expect(later.messageId).toBe(base.messageId);
    expect(new Set([base.messageId, revised.messageId, other.messageId]).size).toBe(3);
  });
});
