import {
  agendaBlock,
  changeReasonQuote,
  dayFacts,
  greeting,
  noteQuote,
  present,
  reasonQuote,
} from './common-phrases';
import { answerActions } from './invitation-messages';
import { checkInAction, checkInCode } from './registration-messages';
import type {
  MessageAction,
  MessageContent,
  MessageTemplate,
  TemplateContext,
  Translations,
} from './template-context';

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

/** "Change our answer": the RSVP page, as a plain link. */
function changeAnswerLink(t: TemplateContext): MessageAction[] {
  if (!t.links.rsvp) return [];
  return [
    {
      label: t.tr({ ar: 'تعديل جوابنا', fr: 'Modifier notre réponse', en: 'Change our answer' }),
      url: t.links.rsvp,
      secondary: true,
    },
  ];
}

/** What a reschedule notice adds for one recipient, by where they stand with the day. */
function rescheduleForRecipient(t: TemplateContext): {
  paragraphs: Array<string | undefined | false>;
  actions: MessageAction[];
  deadline: boolean;
  checkInCode?: MessageContent['checkInCode'];
} {
  const calendarReplaced = t.tr({
    ar: 'تعوض الدعوة المرفقة الموعد السابق في مفكرتكم.',
    fr: "L'invitation jointe remplace l'ancienne date dans votre agenda.",
    en: 'The attached invitation replaces the old date in your calendar.',
  });
  const seats = t.details.seats;
  // Speakers' standing sets their calendar answer only; the words below are for associations.
  switch (t.recipient.kind === 'association' ? t.details.standing : undefined) {
    case 'accepted':
      return {
        paragraphs: [
          seats
            ? t.tr({
                ar: `يبقى تسجيل جمعيتكم لفائدة ${t.seats(seats)} سارياً في الموعد الجديد، دون أي إجراء من جانبكم.`,
                fr: `L'inscription de votre association pour ${t.seats(seats)} reste valable à la nouvelle date : vous n'avez rien à faire.`,
                en: `Your association's registration for ${t.seats(seats)} stays valid for the new date: there is nothing you need to do.`,
              })
            : t.tr({
                ar: 'يبقى تسجيل جمعيتكم سارياً في الموعد الجديد، دون أي إجراء من جانبكم.',
                fr: "L'inscription de votre association reste valable à la nouvelle date : vous n'avez rien à faire.",
                en: "Your association's registration stays valid for the new date: there is nothing you need to do.",
              }),
          calendarReplaced,
          t.links.checkIn &&
            t.tr({
              ar: 'رمز QR أسفله صالح للموعد الجديد ويعوض الرمز السابق: قدموه عند الاستقبال.',
              fr: "Le code QR ci-dessous vaut pour la nouvelle date et remplace le précédent : présentez-le à l'accueil.",
              en: 'The QR code below is valid for the new date and replaces the earlier one: show it at the welcome desk.',
            }),
          t.links.rsvp &&
            t.tr({
              ar: 'إذا لم يعد الموعد الجديد مناسباً لكم، المرجو إخبارنا عبر الرابط أسفله حتى نتيح مقاعدكم لغيركم.',
              fr: "Si la nouvelle date ne vous convient pas, merci de nous le dire par le lien ci-dessous afin que vos places profitent à d'autres.",
              en: 'If the new date does not suit you, please tell us with the link below so that your seats can go to others.',
            }),
        ],
        actions: [...checkInAction(t), ...changeAnswerLink(t)],
        deadline: false,
        checkInCode: checkInCode(t),
      };
    case 'waitlisted': {
      const position = t.details.waitlistPosition
        ? t.v(String(t.details.waitlistPosition))
        : undefined;
      return {
        paragraphs: [
          t.tr({
            ar: `تبقى جمعيتكم في لائحة الانتظار${position ? ` في المرتبة ${position}` : ''}، وسنراسلكم فور توفر مقعد.`,
            fr: `Votre association reste sur la liste d'attente${position ? `, en position ${position}` : ''} ; nous vous écrirons dès qu'une place se libère.`,
            en: `Your association stays on the waiting list${position ? `, in position ${position}` : ''}; we will write as soon as a seat becomes free.`,
          }),
          calendarReplaced,
        ],
        actions: changeAnswerLink(t),
        deadline: false,
      };
    }
    case 'declined':
      return {
        paragraphs: [
          t.tr({
            ar: 'أخبرتمونا أنكم لن تتمكنوا من الحضور، ولم يتغير جوابكم.',
            fr: "Vous nous aviez indiqué ne pas pouvoir venir ; votre réponse n'a pas changé.",
            en: 'You told us you could not come; your answer has not changed.',
          }),
          t.links.rsvp &&
            t.day.rsvpOpen &&
            t.tr({
              ar: `إذا كان الموعد الجديد يناسبكم، يمكنكم التسجيل عبر الرابط أسفله إلى غاية ${t.day.rsvpDeadline}.`,
              fr: `Si la nouvelle date vous convient, vous pouvez vous inscrire par le lien ci-dessous jusqu'au ${t.day.rsvpDeadline}.`,
              en: `If the new date suits you, you can register with the link below until ${t.day.rsvpDeadline}.`,
            }),
        ],
        actions:
          t.links.rsvpAccept && t.day.rsvpOpen
            ? [
                {
                  label: t.tr({
                    ar: 'التسجيل في الموعد الجديد',
                    fr: 'Nous inscrire à la nouvelle date',
                    en: 'Register for the new date',
                  }),
                  url: t.links.rsvpAccept,
                  secondary: true,
                },
              ]
            : [],
        deadline: t.day.rsvpOpen,
      };
    case 'pending':
      return {
        paragraphs: [
          calendarReplaced,
          t.day.rsvpOpen &&
            t.tr({
              ar: `لم تردوا بعد على الدعوة. المرجو الرد قبل ${t.day.rsvpDeadline}.`,
              fr: `Vous n'avez pas encore répondu à l'invitation. Merci de répondre avant le ${t.day.rsvpDeadline}.`,
              en: `You have not answered the invitation yet. Please reply by ${t.day.rsvpDeadline}.`,
            }),
        ],
        actions: t.day.rsvpOpen ? answerActions(t) : [],
        deadline: t.day.rsvpOpen,
      };
    default:
      // Partners and speakers: their answer stays with the coordinator, by reply.
      return {
        paragraphs: [
          calendarReplaced,
          t.links.rsvp &&
            t.tr({
              ar: 'يبقى جوابكم مسجلاً. إذا لم يعد الموعد الجديد مناسباً لكم، يمكنكم تعديله عبر الرابط أسفله.',
              fr: 'Votre réponse reste enregistrée. Si la nouvelle date ne vous convient pas, vous pouvez la modifier par le lien ci-dessous.',
              en: 'Your answer stays recorded. If the new date does not suit you, you can change it with the link below.',
            }),
        ],
        actions: changeAnswerLink(t),
        deadline: false,
      };
  }
}

/**
 * The day moved: its new date and time, the coordinator's reason, and what it means for this
 * recipient: a seated association keeps its seats and gets a check-in code for the new date,
 * one that has not answered gets the new deadline, one that declined gets no calendar entry.
 */
export const rescheduleNotice: MessageTemplate = (t) => {
  const forRecipient = rescheduleForRecipient(t);
  return {
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
      ...forRecipient.paragraphs,
    ]),
    facts: dayFacts(t, { deadline: forRecipient.deadline }),
    agenda: agendaBlock(t),
    actions: forRecipient.actions,
    checkInCode: forRecipient.checkInCode,
    quote: changeReasonQuote(t) ?? noteQuote(t),
  };
};

/** Why a speaker's talk is called off while the day goes on (`details.reason` from the slot). */
const TALK_WITHDRAWN: Record<string, Translations> = {
  replaced: {
    ar: 'تم إسناد مداخلتكم إلى مؤطر آخر، فلن نحتاج إلى تأطيركم لها خلال هذا اليوم. نشكركم على تفهمكم.',
    fr: "Votre intervention a été confiée à un autre intervenant : nous n'aurons pas besoin de vous pour cette journée. Merci de votre compréhension.",
    en: 'Your talk has been given to another speaker, so we will not need you for this day. Thank you for your understanding.',
  },
  'slot-removed': {
    ar: 'تم حذف مداخلتكم من برنامج اليوم. نشكركم على استعدادكم.',
    fr: 'Votre intervention a été retirée du programme de la journée. Merci de votre disponibilité.',
    en: 'Your talk has been removed from the programme of the day. Thank you for your availability.',
  },
};

/**
 * The day is called off, with the coordinator's reason; the attached calendar cancellation
 * removes it from calendars. To a speaker whose talk alone is withdrawn, says that instead.
 */
export const cancellationNotice: MessageTemplate = (t) => {
  const withdrawn = t.details.reason ? TALK_WITHDRAWN[t.details.reason] : undefined;
  if (withdrawn)
    return {
      subject: t.tr({
        ar: `إلغاء مداخلتكم: ${t.day.title}`,
        fr: `Intervention annulée : ${t.day.title}`,
        en: `Talk withdrawn: ${t.day.title}`,
      }),
      greeting: greeting(t),
      paragraphs: [
        t.tr(withdrawn),
        t.tr({
          ar: 'يحذف الملف المرفق الموعد من مفكرتكم.',
          fr: "Le fichier joint retire l'événement de votre agenda.",
          en: 'The attached file removes the event from your calendar.',
        }),
      ],
      quote: noteQuote(t),
    };
  return {
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
    quote: changeReasonQuote(t) ?? reasonQuote(t) ?? noteQuote(t),
  };
};
