import { agendaBlock, dayFacts, greeting, noteQuote, present } from './common-phrases';
import type { MessageAction, MessageTemplate, TemplateContext } from './template-context';

/** "I will attend" / "I cannot attend": both open the RSVP page, where a button confirms. */
export function answerActions(t: TemplateContext): MessageAction[] {
  const actions: MessageAction[] = [];
  if (t.links.rsvpAccept)
    actions.push({
      label: t.tr({ ar: 'سنحضر', fr: 'Nous participerons', en: 'We will attend' }),
      url: t.links.rsvpAccept,
    });
  if (t.links.rsvpDecline)
    actions.push({
      label: t.tr({
        ar: 'نعتذر عن الحضور',
        fr: 'Nous ne pourrons pas venir',
        en: 'We cannot attend',
      }),
      url: t.links.rsvpDecline,
    });
  return actions;
}

/** What the answer links do, said once under the buttons. */
export function answerLinkNote(t: TemplateContext): string {
  return t.tr({
    ar: `يفتح كل رابط صفحة تؤكدون فيها جوابكم. يمكنكم تغيير جوابكم إلى غاية ${t.day.rsvpDeadline}.`,
    fr: `Chaque lien ouvre une page où vous confirmez votre réponse. Vous pouvez la modifier jusqu'au ${t.day.rsvpDeadline}.`,
    en: `Each link opens a page where you confirm your answer. You can change it until ${t.day.rsvpDeadline}.`,
  });
}

/**
 * To the coordinator: invitations were due, but no association of the directory matches the
 * day's audience (an empty or lost directory, or provinces and sectors no one is listed under).
 * Nothing went out; the day looks again until its RSVP deadline.
 */
export const audienceEmpty: MessageTemplate = (t) => {
  const audience = t.details.audience ?? { provinces: [], sectors: [] };
  const provinces = t.list(audience.provinces.map((province) => t.v(province)));
  const sectors = t.list(audience.sectors.map((sector) => t.v(sector)));
  return {
    subject: t.tr({
      ar: `لم تُرسل أي دعوة: ${t.day.title}`,
      fr: `Aucune invitation envoyée : ${t.day.title}`,
      en: `No invitation sent: ${t.day.title}`,
    }),
    greeting: greeting(t),
    paragraphs: present([
      t.tr({
        ar: `حان وقت إرسال الدعوات لليوم التكويني حول ${t.q(t.day.theme)} (${t.day.date})، لكن لا توجد في الدليل أي جمعية من الأقاليم (${provinces}) والقطاعات (${sectors}) المعنية. لم تُرسل أي دعوة.`,
        fr: `Les invitations de la journée de formation sur ${t.q(t.day.theme)} (${t.day.date}) devaient partir, mais l'annuaire ne compte aucune association des provinces (${provinces}) et secteurs (${sectors}) visés. Aucune invitation n'est partie.`,
        en: `Invitations for the training day on ${t.q(t.day.theme)} (${t.day.date}) were due, but the directory holds no association of the provinces (${provinces}) and sectors (${sectors}) it invites. No invitation went out.`,
      }),
      t.tr({
        ar: `يرجى استيراد الجمعيات (associations import) أو توسيع الفئة المستهدفة. تعيد المنصة التحقق كل ساعة إلى غاية ${t.day.rsvpDeadline}، وتُرسل الدعوات بمجرد وجود جمعيات مطابقة.`,
        fr: `Importez les associations (associations import) ou élargissez le public visé : la journée vérifie à nouveau toutes les heures jusqu'au ${t.day.rsvpDeadline} et invite dès qu'elle trouve des associations.`,
        en: `Import the associations (associations import) or widen the audience: the day looks again every hour until ${t.day.rsvpDeadline} and invites as soon as it finds associations.`,
      }),
    ]),
    facts: dayFacts(t),
  };
};

/** An association is invited to the day, with the programme, the seats and the answer links. */
export const associationInvitation: MessageTemplate = (t) => ({
  subject: t.tr({
    ar: `دعوة: ${t.day.title} — ${t.day.date}`,
    fr: `Invitation : ${t.day.title} — ${t.day.date}`,
    en: `Invitation: ${t.day.title} — ${t.day.date}`,
  }),
  greeting: greeting(t),
  paragraphs: present([
    t.tr({
      ar: `يسر ${t.day.organiser} دعوة جمعيتكم لحضور اليوم التكويني حول ${t.q(t.day.theme)}، وذلك يوم ${t.day.date} في ${t.day.venue}.`,
      fr: `${t.day.organiser} a le plaisir d'inviter votre association à la journée de formation sur ${t.q(t.day.theme)}, le ${t.day.date}, à ${t.day.venue}.`,
      en: `${t.day.organiser} is pleased to invite your association to the training day on ${t.q(t.day.theme)}, on ${t.day.date}, at ${t.day.venue}.`,
    }),
    t.tr({
      ar: `يمكن لجمعيتكم تسجيل ${t.seats(t.day.seatsPerAssociation)} على الأكثر. المرجو الرد قبل ${t.day.rsvpDeadline}، علماً أن عدد المقاعد محدود.`,
      fr: `Votre association peut inscrire jusqu'à ${t.seats(t.day.seatsPerAssociation)}. Merci de répondre avant le ${t.day.rsvpDeadline} : les places sont limitées.`,
      en: `Your association may register up to ${t.seats(t.day.seatsPerAssociation)}. Please reply by ${t.day.rsvpDeadline}: seats are limited.`,
    }),
  ]),
  facts: dayFacts(t, { theme: true, deadline: true }),
  agenda: agendaBlock(t),
  actions: answerActions(t),
  afterActions: [answerLinkNote(t)],
  quote: noteQuote(t),
});

/** The association has not answered and the deadline nears. */
export const rsvpReminder: MessageTemplate = (t) => ({
  subject: t.tr({
    ar: `تذكير: المرجو الرد قبل ${t.day.rsvpDeadline} — ${t.day.title}`,
    fr: `Rappel : merci de répondre avant le ${t.day.rsvpDeadline} — ${t.day.title}`,
    en: `Reminder: please reply by ${t.day.rsvpDeadline} — ${t.day.title}`,
  }),
  greeting: greeting(t),
  paragraphs: [
    t.tr({
      ar: `لم تردوا بعد على دعوتنا لحضور اليوم التكويني حول ${t.q(t.day.theme)} المنظم يوم ${t.day.date}.`,
      fr: `Vous n'avez pas encore répondu à notre invitation à la journée de formation sur ${t.q(t.day.theme)} du ${t.day.date}.`,
      en: `You have not yet answered our invitation to the training day on ${t.q(t.day.theme)} (${t.day.date}).`,
    }),
    t.tr({
      ar: `ينتهي التسجيل يوم ${t.day.rsvpDeadline}. يكفي الضغط على أحد الزرين أسفله.`,
      fr: `Les inscriptions se terminent le ${t.day.rsvpDeadline}. Un clic sur l'un des boutons ci-dessous suffit.`,
      en: `Registration closes on ${t.day.rsvpDeadline}. One click on a button below is enough.`,
    }),
  ],
  facts: dayFacts(t, { deadline: true }),
  actions: answerActions(t),
  afterActions: [answerLinkNote(t)],
  quote: noteQuote(t),
});
