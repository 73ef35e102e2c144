import { agendaBlock, dayFacts, greeting, noteQuote, present } from './common-phrases';
import type {
  MessageAction,
  MessageContent,
  MessageTemplate,
  TemplateContext,
} from './template-context';

/** The check-in link, shown as a button and as a QR code to show at the door. */
export function checkInAction(t: TemplateContext): MessageAction[] {
  if (!t.links.checkIn) return [];
  return [
    {
      label: t.tr({
        ar: 'رابط التسجيل عند الاستقبال',
        fr: "Lien d'accueil (enregistrement)",
        en: 'Check-in link',
      }),
      url: t.links.checkIn,
    },
  ];
}

export function checkInCode(t: TemplateContext): MessageContent['checkInCode'] {
  if (!t.links.checkIn) return undefined;
  return {
    caption: t.tr({
      ar: 'قدموا هذا الرمز عند الاستقبال يوم اللقاء.',
      fr: "Présentez ce code à l'accueil le jour de la formation.",
      en: 'Show this code at the welcome desk on the day.',
    }),
  };
}

/** "Change or cancel our registration": the RSVP link, where seats can be freed. */
export function changeAnswerAction(t: TemplateContext): MessageAction[] {
  if (!t.links.rsvp) return [];
  return [
    {
      label: t.tr({
        ar: 'تعديل التسجيل أو إلغاؤه',
        fr: 'Modifier ou annuler notre inscription',
        en: 'Change or cancel our registration',
      }),
      url: t.links.rsvp,
      secondary: true,
    },
  ];
}

function changeAnswerNote(t: TemplateContext): string | undefined {
  if (!t.links.rsvp) return undefined;
  return t.tr({
    ar: 'إذا تغيرت ظروفكم، يتيح لكم الرابط الثاني تعديل التسجيل أو إلغاءه، فيستفيد من المقعد جمعية أخرى.',
    fr: "Si vos plans changent, le second lien permet de modifier ou d'annuler l'inscription : la place profitera à une autre association.",
    en: 'If your plans change, the second link lets you change or cancel the registration, so the seat can go to another association.',
  });
}

/**
 * "Your registration is confirmed for 3 participants": the seats as the seat ledger granted
 * them. Without a count the sentence says none rather than a made-up one.
 */
function registrationConfirmed(t: TemplateContext): string {
  const seats = t.details.seats;
  return seats
    ? t.tr({
        ar: `نؤكد تسجيل جمعيتكم في اليوم التكويني حول ${t.q(t.day.theme)} لفائدة ${t.seats(seats)}.`,
        fr: `L'inscription de votre association à la journée de formation sur ${t.q(t.day.theme)} est confirmée pour ${t.seats(seats)}.`,
        en: `Your association's registration for the training day on ${t.q(t.day.theme)} is confirmed for ${t.seats(seats)}.`,
      })
    : t.tr({
        ar: `نؤكد تسجيل جمعيتكم في اليوم التكويني حول ${t.q(t.day.theme)}.`,
        fr: `L'inscription de votre association à la journée de formation sur ${t.q(t.day.theme)} est confirmée.`,
        en: `Your association's registration for the training day on ${t.q(t.day.theme)} is confirmed.`,
      });
}

/** Seats granted: the confirmation, the check-in code and the calendar entry. */
export const rsvpConfirmation: MessageTemplate = (t) => ({
  subject: t.tr({
    ar: `تأكيد التسجيل: ${t.day.title}`,
    fr: `Inscription confirmée : ${t.day.title}`,
    en: `Registration confirmed: ${t.day.title}`,
  }),
  greeting: greeting(t),
  paragraphs: present([
    registrationConfirmed(t),
    t.tr({
      ar: 'يوم اللقاء، يكفي تقديم رمز QR أسفله أو رابط التسجيل عند الاستقبال.',
      fr: "Le jour venu, présentez le code QR ci-dessous ou le lien d'accueil à l'entrée.",
      en: 'On the day, show the QR code below or the check-in link at the entrance.',
    }),
  ]),
  facts: dayFacts(t),
  agenda: agendaBlock(t),
  actions: [...checkInAction(t), ...changeAnswerAction(t)],
  checkInCode: checkInCode(t),
  afterActions: present([changeAnswerNote(t)]),
  quote: noteQuote(t),
});

/** The association declined: acknowledged, with a way back before the deadline. */
export const rsvpDeclineAcknowledgement: MessageTemplate = (t) => ({
  subject: t.tr({
    ar: `تم تسجيل جوابكم: ${t.day.title}`,
    fr: `Votre réponse est enregistrée : ${t.day.title}`,
    en: `Your answer is recorded: ${t.day.title}`,
  }),
  greeting: greeting(t),
  paragraphs: present([
    t.tr({
      ar: `أخذنا علماً بأن جمعيتكم لن تتمكن من حضور اليوم التكويني حول ${t.q(t.day.theme)} المنظم يوم ${t.day.date}. نأمل أن نلتقي بكم في مناسبة قادمة.`,
      fr: `Nous avons bien noté que votre association ne pourra pas participer à la journée de formation sur ${t.q(t.day.theme)} du ${t.day.date}. Nous espérons vous accueillir à une prochaine occasion.`,
      en: `We have noted that your association cannot attend the training day on ${t.q(t.day.theme)} (${t.day.date}). We hope to welcome you another time.`,
    }),
    t.links.rsvp &&
      t.tr({
        ar: `إذا غيرتم رأيكم قبل ${t.day.rsvpDeadline}، يمكنكم التسجيل عبر الرابط أسفله.`,
        fr: `Si vous changez d'avis avant le ${t.day.rsvpDeadline}, vous pouvez encore vous inscrire par le lien ci-dessous.`,
        en: `If you change your mind before ${t.day.rsvpDeadline}, you can still register with the link below.`,
      }),
  ]),
  actions: t.links.rsvp
    ? [
        {
          label: t.tr({
            ar: 'التسجيل رغم ذلك',
            fr: 'Nous inscrire finalement',
            en: 'Register after all',
          }),
          url: t.links.rsvp,
          secondary: true,
        },
      ]
    : [],
  quote: noteQuote(t),
});

/** Every seat is taken: the association waits, and learns its place in the queue. */
export const waitlistNotice: MessageTemplate = (t) => {
  const position = t.details.waitlistPosition ? t.v(String(t.details.waitlistPosition)) : '';
  return {
    subject: t.tr({
      ar: `لائحة الانتظار: ${t.day.title}`,
      fr: `Liste d'attente : ${t.day.title}`,
      en: `Waiting list: ${t.day.title}`,
    }),
    greeting: greeting(t),
    paragraphs: present([
      t.tr({
        ar: `شكراً على جوابكم. جميع مقاعد اليوم التكويني حول ${t.q(t.day.theme)} محجوزة حالياً، وقد سُجلت جمعيتكم في لائحة الانتظار${position ? ` في المرتبة ${position}` : ''}.`,
        fr: `Merci de votre réponse. Toutes les places de la journée de formation sur ${t.q(t.day.theme)} sont actuellement attribuées ; votre association est inscrite sur la liste d'attente${position ? `, en position ${position}` : ''}.`,
        en: `Thank you for your answer. Every seat for the training day on ${t.q(t.day.theme)} is taken for now; your association is on the waiting list${position ? `, in position ${position}` : ''}.`,
      }),
      t.tr({
        ar: 'سنراسلكم فور توفر مقعد.',
        fr: "Nous vous écrirons dès qu'une place se libère.",
        en: 'We will write to you as soon as a seat becomes free.',
      }),
      t.links.rsvp &&
        t.tr({
          ar: 'إذا لم تعودوا راغبين في الحضور، المرجو إخبارنا عبر الرابط أسفله.',
          fr: 'Si vous ne souhaitez plus participer, merci de nous le signaler par le lien ci-dessous.',
          en: 'If you no longer wish to attend, please tell us with the link below.',
        }),
    ]),
    facts: dayFacts(t),
    actions: t.links.rsvp
      ? [
          {
            label: t.tr({
              ar: 'سحب طلبنا',
              fr: 'Retirer notre demande',
              en: 'Withdraw our request',
            }),
            url: t.links.rsvp,
            secondary: true,
          },
        ]
      : [],
    quote: noteQuote(t),
  };
};

/** A seat freed up: the waiting association is in, with everything a confirmation carries. */
export const waitlistPromotion: MessageTemplate = (t) => ({
  ...rsvpConfirmation(t),
  subject: t.tr({
    ar: `توفر مقعد لجمعيتكم: ${t.day.title}`,
    fr: `Une place s'est libérée : ${t.day.title}`,
    en: `A seat is now yours: ${t.day.title}`,
  }),
  paragraphs: [
    `${t.tr({
      ar: 'خبر سار: توفر مقعد.',
      fr: "Bonne nouvelle : une place s'est libérée.",
      en: 'Good news: a seat has become free.',
    })} ${registrationConfirmed(t)}`,
    t.tr({
      ar: 'يوم اللقاء، يكفي تقديم رمز QR أسفله أو رابط التسجيل عند الاستقبال.',
      fr: "Le jour venu, présentez le code QR ci-dessous ou le lien d'accueil à l'entrée.",
      en: 'On the day, show the QR code below or the check-in link at the entrance.',
    }),
  ],
});

/** The day has started and no seat came free: the waiting association is told, kindly. */
export const waitlistClosed: MessageTemplate = (t) => ({
  subject: t.tr({
    ar: `لائحة الانتظار: لم يتوفر مقعد لـ ${t.day.title}`,
    fr: `Liste d'attente : aucune place libérée pour ${t.day.title}`,
    en: `Waiting list: no seat came free for ${t.day.title}`,
  }),
  greeting: greeting(t),
  paragraphs: [
    t.tr({
      ar: `نأسف لإخباركم بأنه لم يتوفر أي مقعد قبل انطلاق اليوم التكويني حول ${t.q(t.day.theme)} المنظم يوم ${t.day.date}، فلم يعد بالإمكان تسجيل جمعيتكم.`,
      fr: `Nous sommes au regret de vous informer qu'aucune place ne s'est libérée avant le début de la journée de formation sur ${t.q(t.day.theme)} du ${t.day.date} : votre association n'a donc pas pu y être inscrite.`,
      en: `We are sorry to tell you that no seat came free before the start of the training day on ${t.q(t.day.theme)} (${t.day.date}), so your association could not be registered.`,
    }),
    t.tr({
      ar: 'نشكركم على اهتمامكم، ونأمل أن نلتقي بكم في دورة قادمة.',
      fr: "Merci de votre intérêt ; nous espérons vous accueillir lors d'une prochaine session.",
      en: 'Thank you for your interest; we hope to see you at a next session.',
    }),
  ],
  quote: noteQuote(t),
});
