import { agendaBlock, dayFacts, greeting, noteQuote, present, reasonQuote } from './common-phrases';
import { checkInAction, checkInCode } from './registration-messages';
import type { MessageAction, MessageTemplate, TemplateContext } from './template-context';

function releaseSeatsAction(t: TemplateContext): MessageAction[] {
  if (!t.links.rsvp) return [];
  return [
    {
      label: t.tr({
        ar: 'لن نتمكن من الحضور (تحرير المقاعد)',
        fr: 'Nous ne pourrons plus venir (libérer les places)',
        en: 'We can no longer come (free the seats)',
      }),
      url: t.links.rsvp,
      secondary: true,
    },
  ];
}

/** The day is near: when, where, and the check-in code for the door. */
export const attendanceReminder: MessageTemplate = (t) => ({
  subject: t.tr({
    ar: `تذكير: ${t.day.title} يوم ${t.day.date}`,
    fr: `Rappel : ${t.day.title}, le ${t.day.date}`,
    en: `Reminder: ${t.day.title} on ${t.day.date}`,
  }),
  greeting: greeting(t),
  paragraphs: present([
    t.tr({
      ar: `نذكركم بموعد اليوم التكويني حول ${t.q(t.day.theme)} يوم ${t.day.date}، في ${t.day.place}.`,
      fr: `Nous vous rappelons la journée de formation sur ${t.q(t.day.theme)}, le ${t.day.date}, à ${t.day.place}.`,
      en: `This is a reminder of the training day on ${t.q(t.day.theme)} (${t.day.date}), at ${t.day.place}.`,
    }),
    t.links.checkIn &&
      t.tr({
        ar: 'عند الاستقبال، قدموا رمز QR أسفله لتسجيل حضوركم بسرعة.',
        fr: "À l'accueil, présentez le code QR ci-dessous pour un enregistrement rapide.",
        en: 'At the welcome desk, show the QR code below for a quick check-in.',
      }),
    t.links.rsvp &&
      t.tr({
        ar: 'إذا تعذر عليكم الحضور، المرجو إخبارنا حتى نتيح المقاعد لغيركم.',
        fr: "Si vous ne pouvez plus venir, merci de nous le dire afin que vos places profitent à d'autres.",
        en: 'If you can no longer come, please tell us so that your seats can go to others.',
      }),
  ]),
  facts: dayFacts(t),
  agenda: agendaBlock(t),
  actions: [...checkInAction(t), ...releaseSeatsAction(t)],
  checkInCode: checkInCode(t),
  quote: noteQuote(t),
});

/** The day moved: its new date and time, with a calendar update replacing the old entry. */
export const rescheduleNotice: MessageTemplate = (t) => ({
  subject: t.tr({
    ar: `موعد جديد: ${t.day.title} — ${t.day.date}`,
    fr: `Nouvelle date : ${t.day.title} — ${t.day.date}`,
    en: `New date: ${t.day.title} — ${t.day.date}`,
  }),
  greeting: greeting(t),
  paragraphs: present([
    t.tr({
      ar: `تقرر تغيير موعد اليوم التكويني حول ${t.q(t.day.theme)}. سينعقد يوم ${t.day.date}، من الساعة ${t.day.start} إلى الساعة ${t.day.end}، في ${t.day.place}.`,
      fr: `La journée de formation sur ${t.q(t.day.theme)} est reprogrammée. Elle aura lieu le ${t.day.date}, de ${t.day.start} à ${t.day.end}, à ${t.day.place}.`,
      en: `The training day on ${t.q(t.day.theme)} has been rescheduled. It will take place on ${t.day.date}, from ${t.day.start} to ${t.day.end}, at ${t.day.place}.`,
    }),
    t.tr({
      ar: 'تعوض الدعوة المرفقة الموعد السابق في مفكرتكم.',
      fr: "L'invitation jointe remplace l'ancienne date dans votre agenda.",
      en: 'The attached invitation replaces the old date in your calendar.',
    }),
    t.links.rsvp &&
      t.tr({
        ar: 'يبقى جوابكم مسجلاً. إذا لم يعد الموعد الجديد مناسباً لكم، يمكنكم تعديله عبر الرابط أسفله.',
        fr: 'Votre réponse reste enregistrée. Si la nouvelle date ne vous convient pas, vous pouvez la modifier par le lien ci-dessous.',
        en: 'Your answer stays recorded. If the new date does not suit you, you can change it with the link below.',
      }),
  ]),
  facts: dayFacts(t),
  agenda: agendaBlock(t),
  actions: t.links.rsvp
    ? [
        {
          label: t.tr({
            ar: 'تعديل جوابنا',
            fr: 'Modifier notre réponse',
            en: 'Change our answer',
          }),
          url: t.links.rsvp,
          secondary: true,
        },
      ]
    : [],
  quote: noteQuote(t),
});

/** The day is called off; the attached calendar cancellation removes it from calendars. */
export const cancellationNotice: MessageTemplate = (t) => ({
  subject: t.tr({
    ar: `إلغاء: ${t.day.title}`,
    fr: `Annulation : ${t.day.title}`,
    en: `Cancelled: ${t.day.title}`,
  }),
  greeting: greeting(t),
  paragraphs: [
    t.tr({
      ar: `يؤسفنا إخباركم بإلغاء اليوم التكويني حول ${t.q(t.day.theme)} الذي كان مقرراً يوم ${t.day.date}.`,
      fr: `Nous avons le regret de vous informer que la journée de formation sur ${t.q(t.day.theme)}, prévue le ${t.day.date}, est annulée.`,
      en: `We regret to inform you that the training day on ${t.q(t.day.theme)}, planned for ${t.day.date}, has been cancelled.`,
    }),
    t.tr({
      ar: 'نعتذر عن هذا التغيير. يحذف الملف المرفق الموعد من مفكرتكم.',
      fr: "Nous vous prions de nous excuser pour ce changement. Le fichier joint retire l'événement de votre agenda.",
      en: 'We apologise for the change. The attached file removes the event from your calendar.',
    }),
  ],
  quote: reasonQuote(t) ?? noteQuote(t),
});
