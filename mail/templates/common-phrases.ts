import type { Contribution } from '../../domain/partner';
import type {
  MessageContent,
  MessageFact,
  TemplateContext,
  Translations,
} from './template-context';

/** "Dear {name},": the opening line, to the recipient by name. */
export function greeting(t: TemplateContext): string {
  return t.tr({
    ar: `تحية طيبة إلى ${t.recipient.name}،`,
    fr: `Bonjour ${t.recipient.name},`,
    en: `Dear ${t.recipient.name},`,
  });
}

/** Date, time, venue (and optionally theme and reply deadline) of the day, as label/value lines. */
export function dayFacts(
  t: TemplateContext,
  options: { theme?: boolean; deadline?: boolean } = {},
): MessageFact[] {
  const facts: MessageFact[] = [
    { label: t.tr({ ar: 'التاريخ', fr: 'Date', en: 'Date' }), value: t.day.date },
    {
      label: t.tr({ ar: 'التوقيت', fr: 'Horaire', en: 'Time' }),
      value: `${t.day.time} (${t.day.zone})`,
    },
    { label: t.tr({ ar: 'المكان', fr: 'Lieu', en: 'Venue' }), value: t.day.place },
  ];
  if (options.theme)
    facts.push({ label: t.tr({ ar: 'المحور', fr: 'Thème', en: 'Theme' }), value: t.day.theme });
  if (options.deadline)
    facts.push({
      label: t.tr({ ar: 'آخر أجل للرد', fr: 'Date limite de réponse', en: 'Please reply by' }),
      value: t.day.rsvpDeadline,
    });
  return facts;
}

/** The programme of the day, the recipient's slot highlighted. */
export function agendaBlock(t: TemplateContext): MessageContent['agenda'] {
  if (t.agenda.length === 0) return undefined;
  return {
    title: t.tr({ ar: 'برنامج اليوم', fr: 'Programme de la journée', en: 'Programme of the day' }),
    lines: t.agenda,
  };
}

/** The subject of every notice of a changed programme (to speakers and to associations). */
export function programmeChangedSubject(t: TemplateContext): string {
  return t.tr({
    ar: `تعديل في برنامج اليوم: ${t.day.title}`,
    fr: `Programme modifié : ${t.day.title}`,
    en: `Programme changed: ${t.day.title}`,
  });
}

/** Points to the agenda block of a programme-change notice. */
export function updatedProgrammeBelow(t: TemplateContext): string {
  return t.tr({
    ar: 'تجدون أسفله البرنامج المحيَّن.',
    fr: 'Vous trouverez ci-dessous le programme à jour.',
    en: 'The updated programme is below.',
  });
}

/** The coordinator's note (`details.note`), set apart, when there is one. */
export function noteQuote(t: TemplateContext): MessageContent['quote'] {
  if (!t.details.note) return undefined;
  return {
    label: t.tr({
      ar: 'كلمة من فريق التنسيق',
      fr: 'Message de la coordination',
      en: 'Note from the coordinator',
    }),
    lines: splitNote(t, t.details.note),
  };
}

/** Reasons a workflow gives as a code (a speaker slot's `replacementReason`), in words. */
const REASON_WORDS: Record<string, Translations> = {
  declined: {
    ar: 'اعتذر المؤطر عن المداخلة.',
    fr: "L'intervenant a décliné l'invitation.",
    en: 'The speaker declined the invitation.',
  },
  'no-answer': {
    ar: 'لم يرد المؤطر قبل انتهاء الأجل.',
    fr: "L'intervenant n'a pas répondu dans le délai.",
    en: 'The speaker did not answer in time.',
  },
};

/** A partner's own note with its answer (`details.note`), set apart as the partner's words. */
export function partnerNoteQuote(t: TemplateContext): MessageContent['quote'] {
  if (!t.details.note) return undefined;
  const partner = partnerLabel(t);
  return {
    label: partner
      ? t.tr({ ar: `كلمة ${partner}`, fr: `Message de ${partner}`, en: `Note from ${partner}` })
      : t.tr({
          ar: 'كلمة الجهة الشريكة',
          fr: 'Message du partenaire',
          en: 'Note from the partner',
        }),
    lines: splitNote(t, t.details.note),
  };
}

/** The reason given (`details.reason`), set apart, when there is one; codes said in words. */
export function reasonQuote(t: TemplateContext): MessageContent['quote'] {
  if (!t.details.reason) return undefined;
  const words = REASON_WORDS[t.details.reason];
  return {
    label: t.tr({ ar: 'السبب المذكور', fr: 'Motif indiqué', en: 'Reason given' }),
    lines: words ? [t.tr(words)] : splitNote(t, t.details.reason),
  };
}

/** Why the day moved or was called off (the coordinator's words), set apart, when given. */
export function changeReasonQuote(t: TemplateContext): MessageContent['quote'] {
  if (!t.day.changeReason) return undefined;
  return {
    label: t.tr({ ar: 'سبب التغيير', fr: 'Motif du changement', en: 'Reason for the change' }),
    lines: [t.day.changeReason],
  };
}

function splitNote(t: TemplateContext, text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => t.v(line))
    .filter((line) => line.length > 0);
}

const CONTRIBUTION_NAMES: Record<Contribution, Translations> = {
  speaker: { ar: 'تأطير مداخلة', fr: 'une intervention', en: 'a speaker' },
  venue: { ar: 'توفير القاعة', fr: "la mise à disposition d'une salle", en: 'the venue' },
  funding: { ar: 'المساهمة في التمويل', fr: 'un financement', en: 'funding' },
  outreach: {
    ar: 'التعبئة والتواصل مع الجمعيات',
    fr: 'la mobilisation des associations',
    en: 'outreach to associations',
  },
};

/** What a partner is asked to bring, as a list in the message's language. */
export function contributionList(t: TemplateContext): string | undefined {
  const known = (t.details.contributions ?? []).map((name) => {
    const translated = CONTRIBUTION_NAMES[name as Contribution];
    return translated ? t.tr(translated) : t.v(name);
  });
  return known.length > 0 ? t.list(known) : undefined;
}

/** The partner a message is about: its name when given, else its id. */
export function partnerLabel(t: TemplateContext): string {
  return t.v(t.details.partnerName ?? t.details.partnerId ?? '');
}

/** The answer deadline (`details.answerBy`) as a sentence, when one is set. */
export function answerBySentence(t: TemplateContext): string | undefined {
  if (!t.details.answerBy) return undefined;
  const date = t.v(t.clock.date(t.details.answerBy));
  return t.tr({
    ar: `نرجو التوصل بردكم قبل ${date}.`,
    fr: `Nous vous remercions de nous répondre avant le ${date}.`,
    en: `We would be grateful for your answer by ${date}.`,
  });
}

/** Drops the undefined entries of a list of optional paragraphs. */
export function present<T>(items: Array<T | undefined | false>): T[] {
  return items.filter((item): item is T => item !== undefined && item !== false);
}
