import {
  agendaBlock,
  answerBySentence,
  dayFacts,
  greeting,
  noteQuote,
  present,
  programmeChangedSubject,
  reasonQuote,
  updatedProgrammeBelow,
} from './common-phrases';
import type { MessageTemplate, TemplateContext } from './template-context';

/** "the talk «…», 16:00–16:40", or nothing when the slot is unknown. */
function slotPhrase(t: TemplateContext): { ar: string; fr: string; en: string } | undefined {
  if (!t.slot) return undefined;
  return {
    ar: `مداخلة بعنوان ${t.q(t.slot.title)}، من الساعة ${t.slot.start} إلى الساعة ${t.slot.end}`,
    fr: `l'intervention ${t.q(t.slot.title)}, de ${t.slot.start} à ${t.slot.end}`,
    en: `the talk ${t.q(t.slot.title)}, from ${t.slot.start} to ${t.slot.end}`,
  };
}

/** A speaker is invited to one slot of the agenda. */
export const speakerInvitation: MessageTemplate = (t) => {
  const slot = slotPhrase(t);
  return {
    subject: t.tr({
      ar: `دعوة لتأطير مداخلة: ${t.day.title}`,
      fr: `Invitation à intervenir : ${t.day.title}`,
      en: `Invitation to speak: ${t.day.title}`,
    }),
    greeting: greeting(t),
    paragraphs: present([
      t.tr({
        ar: `تنظم ${t.day.organiser} يوم ${t.day.date} في ${t.day.venue} يوماً تكوينياً في موضوع ${t.q(t.day.theme)} لفائدة الجمعيات والتمثيليات المهنية.`,
        fr: `${t.day.organiser} organise le ${t.day.date}, à ${t.day.venue}, une journée de formation sur le thème ${t.q(t.day.theme)}, destinée aux associations et représentations professionnelles.`,
        en: `${t.day.organiser} is organising a training day on ${t.day.date}, at ${t.day.venue}, on the theme ${t.q(t.day.theme)}, for professional associations and representations.`,
      }),
      slot
        ? t.tr({
            ar: `ويشرفنا دعوتكم لتأطير ${slot.ar}.`,
            fr: `Nous avons l'honneur de vous inviter à animer ${slot.fr}.`,
            en: `We would be honoured if you would give ${slot.en}.`,
          })
        : t.tr({
            ar: 'ويشرفنا دعوتكم لتأطير مداخلة خلال هذا اليوم.',
            fr: "Nous avons l'honneur de vous inviter à intervenir lors de cette journée.",
            en: 'We would be honoured if you would speak at this day.',
          }),
      answerBySentence(t),
      t.tr({
        ar: 'نرجو تأكيد مشاركتكم بالرد على هذه الرسالة. تجدون رفقته دعوة يمكن إضافتها إلى مفكرتكم.',
        fr: 'Merci de nous confirmer votre participation en répondant à ce message. Vous trouverez ci-joint une invitation à ajouter à votre agenda.',
        en: 'Please confirm by replying to this message. An invitation for your calendar is attached.',
      }),
    ]),
    facts: dayFacts(t, { theme: true }),
    agenda: agendaBlock(t),
    quote: noteQuote(t),
  };
};

/** The speaker has not answered the invitation yet. */
export const speakerReminderToAnswer: MessageTemplate = (t) => {
  const slot = slotPhrase(t);
  return {
    subject: t.tr({
      ar: `تذكير: دعوة لتأطير مداخلة — ${t.day.title}`,
      fr: `Rappel : invitation à intervenir — ${t.day.title}`,
      en: `Reminder: invitation to speak — ${t.day.title}`,
    }),
    greeting: greeting(t),
    paragraphs: present([
      t.tr({
        ar: `لم نتوصل بعد بردكم على دعوتنا لتأطير ${slot?.ar ?? 'مداخلة'} خلال اليوم التكويني حول ${t.q(t.day.theme)} يوم ${t.day.date}.`,
        fr: `Nous n'avons pas encore reçu votre réponse à notre invitation à animer ${slot?.fr ?? 'une intervention'} lors de la journée de formation sur ${t.q(t.day.theme)} du ${t.day.date}.`,
        en: `We have not yet received your answer to our invitation to give ${slot?.en ?? 'a talk'} at the training day on ${t.q(t.day.theme)} (${t.day.date}).`,
      }),
      answerBySentence(t),
      t.tr({
        ar: 'هل يمكنكم تأكيد مدى توفركم بالرد على هذه الرسالة؟',
        fr: 'Pourriez-vous nous confirmer votre disponibilité en répondant à ce message ?',
        en: 'Could you let us know whether you are available by replying to this message?',
      }),
    ]),
    facts: dayFacts(t),
    quote: noteQuote(t),
  };
};

/** The speaker accepted: their slot is confirmed, with the calendar entry. */
export const speakerConfirmation: MessageTemplate = (t) => {
  const slot = slotPhrase(t);
  return {
    subject: t.tr({
      ar: `تأكيد مداخلتكم: ${t.day.title}`,
      fr: `Votre intervention est confirmée : ${t.day.title}`,
      en: `Your talk is confirmed: ${t.day.title}`,
    }),
    greeting: greeting(t),
    paragraphs: present([
      t.tr({
        ar: `نشكركم على قبول دعوتنا. نؤكد ${slot?.ar ?? 'مداخلتكم'} يوم ${t.day.date} في ${t.day.venue}.`,
        fr: `Merci d'avoir accepté notre invitation. Nous confirmons ${slot?.fr ?? 'votre intervention'}, le ${t.day.date}, à ${t.day.venue}.`,
        en: `Thank you for accepting our invitation. We confirm ${slot?.en ?? 'your talk'}, on ${t.day.date}, at ${t.day.venue}.`,
      }),
      t.tr({
        ar: 'تجدون رفقته برنامج اليوم ودعوة لإضافتها إلى مفكرتكم.',
        fr: "Vous trouverez ci-dessous le programme de la journée, et ci-joint l'invitation pour votre agenda.",
        en: 'The programme of the day is below, and the calendar invitation is attached.',
      }),
    ]),
    facts: dayFacts(t),
    agenda: agendaBlock(t),
    quote: noteQuote(t),
  };
};

/** To the coordinator: a speaker declined or withdrew; the slot needs someone else. */
export const speakerReplacementNeeded: MessageTemplate = (t) => {
  const speaker = t.v(t.details.speakerName ?? '');
  const slotTitle = t.slot ? t.slot.title : t.v(t.details.agendaItemId ?? '');
  return {
    subject: t.tr({
      ar: `مداخلة تحتاج إلى مؤطر جديد: ${slotTitle}`,
      fr: `Intervenant à remplacer : ${slotTitle}`,
      en: `Speaker to replace: ${slotTitle}`,
    }),
    greeting: greeting(t),
    paragraphs: present([
      t.tr({
        ar: `لن يتمكن ${speaker} من تأطير المداخلة ${t.q(slotTitle)}${t.slot ? ` (${t.slot.time})` : ''} خلال اليوم التكويني حول ${t.q(t.day.theme)} يوم ${t.day.date}.`,
        fr: `${speaker} ne pourra pas assurer l'intervention ${t.q(slotTitle)}${t.slot ? ` (${t.slot.time})` : ''} de la journée de formation sur ${t.q(t.day.theme)} du ${t.day.date}.`,
        en: `${speaker} cannot give the talk ${t.q(slotTitle)}${t.slot ? ` (${t.slot.time})` : ''} at the training day on ${t.q(t.day.theme)} (${t.day.date}).`,
      }),
      t.tr({
        ar: 'المرجو تعيين مؤطر بديل.',
        fr: 'Merci de désigner un intervenant de remplacement.',
        en: 'Please appoint a replacement speaker.',
      }),
    ]),
    quote: reasonQuote(t) ?? noteQuote(t),
  };
};

/** The agenda moved: the speaker's slot and the new programme. */
export const speakerAgendaChange: MessageTemplate = (t) => ({
  subject: programmeChangedSubject(t),
  greeting: greeting(t),
  paragraphs: present([
    t.tr({
      ar: `طرأ تعديل على برنامج اليوم التكويني حول ${t.q(t.day.theme)} المنظم يوم ${t.day.date}.`,
      fr: `Le programme de la journée de formation sur ${t.q(t.day.theme)} du ${t.day.date} a été modifié.`,
      en: `The programme of the training day on ${t.q(t.day.theme)} (${t.day.date}) has changed.`,
    }),
    t.slot &&
      t.tr({
        ar: `أصبحت مداخلتكم ${t.q(t.slot.title)} مبرمجة من الساعة ${t.slot.start} إلى الساعة ${t.slot.end}.`,
        fr: `Votre intervention ${t.q(t.slot.title)} a désormais lieu de ${t.slot.start} à ${t.slot.end}.`,
        en: `Your talk ${t.q(t.slot.title)} now runs from ${t.slot.start} to ${t.slot.end}.`,
      }),
    updatedProgrammeBelow(t),
  ]),
  facts: dayFacts(t),
  agenda: agendaBlock(t),
  quote: noteQuote(t),
});

/** Shortly before the day: where and when the speaker is expected. */
export const speakerReminder: MessageTemplate = (t) => {
  const slot = slotPhrase(t);
  return {
    subject: t.tr({
      ar: `تذكير: مداخلتكم يوم ${t.day.date}`,
      fr: `Rappel : votre intervention le ${t.day.date}`,
      en: `Reminder: your talk on ${t.day.date}`,
    }),
    greeting: greeting(t),
    paragraphs: present([
      t.tr({
        ar: `نذكركم بموعد ${slot?.ar ?? 'مداخلتكم'} خلال اليوم التكويني حول ${t.q(t.day.theme)} يوم ${t.day.date} في ${t.day.place}.`,
        fr: `Nous vous rappelons ${slot?.fr ?? 'votre intervention'}, lors de la journée de formation sur ${t.q(t.day.theme)}, le ${t.day.date}, à ${t.day.place}.`,
        en: `This is a reminder of ${slot?.en ?? 'your talk'}, at the training day on ${t.q(t.day.theme)} (${t.day.date}), at ${t.day.place}.`,
      }),
      t.tr({
        ar: 'نتطلع إلى استقبالكم.',
        fr: 'Nous nous réjouissons de vous accueillir.',
        en: 'We look forward to welcoming you.',
      }),
    ]),
    facts: dayFacts(t),
    agenda: agendaBlock(t),
    quote: noteQuote(t),
  };
};
