import type { FollowUpStatus } from '../../domain/follow-up';
import { greeting, noteQuote, present } from './common-phrases';
import type {
  MessageContent,
  MessageFact,
  MessageTemplate,
  TemplateContext,
  Translations,
} from './template-context';

/** A date given loosely (`YYYY-MM-DD` or an instant) written in the day's zone; else as given. */
export function looseDate(t: TemplateContext, value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return t.v(t.clock.date(`${value}T12:00:00Z`));
  if (!Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}T/.test(value))
    return t.v(t.clock.dateTime(value));
  return t.v(value);
}

const STATUS_NAMES: Record<FollowUpStatus, Translations> = {
  open: { ar: 'مفتوحة', fr: 'ouverte', en: 'open' },
  'in-progress': { ar: 'قيد الإنجاز', fr: 'en cours', en: 'in progress' },
  overdue: { ar: 'متأخرة', fr: 'en retard', en: 'overdue' },
  done: { ar: 'منجزة', fr: 'réalisée', en: 'done' },
  dropped: { ar: 'متخلى عنها', fr: 'abandonnée', en: 'dropped' },
};

function recommendationFacts(t: TemplateContext): MessageFact[] {
  const followUp = t.details.followUp;
  if (!followUp) return [];
  const facts: MessageFact[] = [];
  if (followUp.dueAt)
    facts.push({
      label: t.tr({ ar: 'الأجل', fr: 'Échéance', en: 'Due' }),
      value: looseDate(t, followUp.dueAt),
    });
  if (followUp.status) {
    const known = STATUS_NAMES[followUp.status as FollowUpStatus];
    facts.push({
      label: t.tr({ ar: 'الوضعية', fr: 'État', en: 'Status' }),
      value: known ? t.tr(known) : t.v(followUp.status),
    });
  }
  return facts;
}

function recommendationQuote(t: TemplateContext): MessageContent['quote'] {
  const followUp = t.details.followUp;
  if (!followUp) return undefined;
  return {
    label: t.tr({ ar: 'التوصية', fr: 'Recommandation', en: 'Recommendation' }),
    lines: [followUp.textByLanguage ? t.pick(followUp.textByLanguage) : t.v(followUp.text)],
  };
}

/** After the day: thanks, and the survey link. */
export const thankYouSurvey: MessageTemplate = (t) => ({
  subject: t.tr({
    ar: `شكراً على مشاركتكم: ${t.day.title}`,
    fr: `Merci de votre participation : ${t.day.title}`,
    en: `Thank you for taking part: ${t.day.title}`,
  }),
  greeting: greeting(t),
  paragraphs: [
    t.tr({
      ar: `نشكركم على مشاركتكم في اليوم التكويني حول ${t.q(t.day.theme)} المنظم يوم ${t.day.date}.`,
      fr: `Merci d'avoir participé à la journée de formation sur ${t.q(t.day.theme)} du ${t.day.date}.`,
      en: `Thank you for taking part in the training day on ${t.q(t.day.theme)} (${t.day.date}).`,
    }),
    t.tr({
      ar: 'سيساعدنا رأيكم على إعداد اللقاءات القادمة: هل يمكنكم الإجابة عن استمارة قصيرة (دقيقتان)؟',
      fr: 'Votre avis nous aidera à préparer les prochaines rencontres : pourriez-vous répondre à un court questionnaire (deux minutes) ?',
      en: 'Your opinion will help us prepare the next meetings: could you answer a short survey (two minutes)?',
    }),
  ],
  actions: t.links.survey
    ? [
        {
          label: t.tr({ ar: 'إبداء الرأي', fr: 'Donner notre avis', en: 'Give our feedback' }),
          url: t.links.survey,
        },
      ]
    : [],
  afterActions: present([
    t.links.surveyUntil &&
      t.tr({
        ar: `يبقى الرابط صالحاً إلى غاية ${t.links.surveyUntil}.`,
        fr: `Le lien reste valable jusqu'au ${t.links.surveyUntil}.`,
        en: `The link stays open until ${t.links.surveyUntil}.`,
      }),
  ]),
  quote: noteQuote(t),
});

/** A recommendation of the day is due: its owner is asked how it stands. */
export const followUpReminder: MessageTemplate = (t) => ({
  subject: t.tr({
    ar: `تتبع التوصيات: ${t.day.title}`,
    fr: `Suivi des recommandations : ${t.day.title}`,
    en: `Follow-up on recommendations: ${t.day.title}`,
  }),
  greeting: greeting(t),
  paragraphs: [
    t.tr({
      ar: `في إطار تتبع توصيات اليوم التكويني حول ${t.q(t.day.theme)} المنظم يوم ${t.day.date}، نعود إليكم بخصوص التوصية التالية.`,
      fr: `Dans le cadre du suivi de la journée de formation sur ${t.q(t.day.theme)} du ${t.day.date}, nous revenons vers vous au sujet de la recommandation suivante.`,
      en: `As part of the follow-up of the training day on ${t.q(t.day.theme)} (${t.day.date}), we are writing about the following recommendation.`,
    }),
    t.tr({
      ar: 'نرجو إفادتنا بمدى تقدم إنجازها بالرد على هذه الرسالة.',
      fr: "Merci de nous informer de l'avancement en répondant à ce message.",
      en: 'Please let us know how it is progressing by replying to this message.',
    }),
  ],
  quote: recommendationQuote(t),
  facts: recommendationFacts(t),
});

/** To the coordinator: a recommendation is overdue or stalled. */
export const followUpEscalation: MessageTemplate = (t) => ({
  subject: t.tr({
    ar: `توصية متأخرة: ${t.day.title}`,
    fr: `Recommandation en retard : ${t.day.title}`,
    en: `Recommendation overdue: ${t.day.title}`,
  }),
  greeting: greeting(t),
  paragraphs: present([
    t.tr({
      ar: `لم تعرف التوصية التالية، الصادرة عن اليوم التكويني حول ${t.q(t.day.theme)}، أي تقدم في الأجل المحدد.`,
      fr: `La recommandation suivante, issue de la journée de formation sur ${t.q(t.day.theme)}, n'a pas avancé dans le délai prévu.`,
      en: `The following recommendation from the training day on ${t.q(t.day.theme)} has not progressed in time.`,
    }),
    t.details.note &&
      t.tr({
        ar: `ملاحظة: ${t.v(t.details.note)}`,
        fr: `Remarque : ${t.v(t.details.note)}`,
        en: `Note: ${t.v(t.details.note)}`,
      }),
    t.tr({
      ar: 'يُستحسن التواصل مع الجهة المكلفة.',
      fr: 'Une relance de la partie responsable est recommandée.',
      en: 'A call to the party responsible is recommended.',
    }),
  ]),
  quote: recommendationQuote(t),
  facts: recommendationFacts(t),
});

function visitFacts(t: TemplateContext): MessageFact[] {
  const visit = t.details.visit;
  if (!visit) return [];
  return present<MessageFact>([
    { label: t.tr({ ar: 'الجهة المستقبلة', fr: 'Hôte', en: 'Host' }), value: t.v(visit.hostName) },
    visit.date !== undefined && {
      label: t.tr({ ar: 'التاريخ', fr: 'Date', en: 'Date' }),
      value: looseDate(t, visit.date),
    },
    visit.place !== undefined && {
      label: t.tr({ ar: 'المكان', fr: 'Lieu', en: 'Place' }),
      value: t.v(visit.place),
    },
    visit.visitorNames.length > 0 && {
      label: t.tr({ ar: 'المشاركون', fr: 'Participants', en: 'Visitors' }),
      value: t.list(visit.visitorNames.map((name) => t.v(name))),
    },
  ]);
}

function host(t: TemplateContext): string {
  return t.v(t.details.visit?.hostName ?? '');
}

/** An exchange visit between associations, one of the day's recommendations. */
export const visitInvitation: MessageTemplate = (t) => ({
  subject: t.tr({
    ar: `زيارة لتبادل التجارب: ${host(t)}`,
    fr: `Visite d'échange d'expériences : ${host(t)}`,
    en: `Experience-sharing visit: ${host(t)}`,
  }),
  greeting: greeting(t),
  paragraphs: [
    t.tr({
      ar: `في امتداد اليوم التكويني حول ${t.q(t.day.theme)}، ننظم زيارة لتبادل التجارب لدى ${host(t)}، ونتشرف بدعوتكم إليها.`,
      fr: `Dans le prolongement de la journée de formation sur ${t.q(t.day.theme)}, nous organisons une visite d'échange d'expériences auprès de ${host(t)}, à laquelle nous avons le plaisir de vous inviter.`,
      en: `Following the training day on ${t.q(t.day.theme)}, we are organising an experience-sharing visit to ${host(t)}, and we are pleased to invite you.`,
    }),
    t.tr({
      ar: 'نرجو تأكيد مشاركتكم بالرد على هذه الرسالة.',
      fr: 'Merci de confirmer votre participation en répondant à ce message.',
      en: 'Please confirm your participation by replying to this message.',
    }),
  ],
  facts: visitFacts(t),
  quote: noteQuote(t),
});

export const visitConfirmation: MessageTemplate = (t) => ({
  subject: t.tr({
    ar: `تأكيد الزيارة: ${host(t)}`,
    fr: `Visite confirmée : ${host(t)}`,
    en: `Visit confirmed: ${host(t)}`,
  }),
  greeting: greeting(t),
  paragraphs: [
    t.tr({
      ar: `نؤكد زيارة تبادل التجارب لدى ${host(t)}. تجدون التفاصيل أسفله.`,
      fr: `La visite d'échange auprès de ${host(t)} est confirmée. Vous trouverez les détails ci-dessous.`,
      en: `The exchange visit to ${host(t)} is confirmed. The details are below.`,
    }),
  ],
  facts: visitFacts(t),
  quote: noteQuote(t),
});

export const visitReminder: MessageTemplate = (t) => ({
  subject: t.tr({
    ar: `تذكير: زيارة ${host(t)}`,
    fr: `Rappel : visite chez ${host(t)}`,
    en: `Reminder: visit to ${host(t)}`,
  }),
  greeting: greeting(t),
  paragraphs: [
    t.tr({
      ar: `نذكركم بموعد زيارة تبادل التجارب لدى ${host(t)}.`,
      fr: `Nous vous rappelons la visite d'échange d'expériences auprès de ${host(t)}.`,
      en: `This is a reminder of the experience-sharing visit to ${host(t)}.`,
    }),
  ],
  facts: visitFacts(t),
  quote: noteQuote(t),
});

/** To the coordinator: where the day stands, item by item. */
export const coordinationDigest: MessageTemplate = (t) => ({
  subject: t.tr({
    ar: `ملخص التنسيق: ${t.day.title}`,
    fr: `Point de coordination : ${t.day.title}`,
    en: `Coordination digest: ${t.day.title}`,
  }),
  greeting: greeting(t),
  paragraphs: [
    t.tr({
      ar: `تنفيذا لتوصيات اليوم التكويني حول ${t.q(t.day.theme)} (${t.day.date}) بشأن التنسيق بين المؤسسات والجمعيات المهنية، إليكم آخر الأخبار، ومنها ما يتعلق بتقديم المشاريع.`,
      fr: `Comme recommandé lors de la journée de formation sur ${t.q(t.day.theme)} (${t.day.date}), la chambre et ses partenaires vous tiennent informés : voici les dernières nouvelles, notamment sur le dépôt des projets.`,
      en: `As recommended at the training day on ${t.q(t.day.theme)} (${t.day.date}), the chamber and its partners keep you informed: here is the latest news, including on submitting projects.`,
    }),
  ],
  sections: (t.details.digest?.items ?? []).map((item) => ({
    title: t.v(item.title),
    lines: item.body
      .split(/\r\n|\r|\n/)
      .map((line) => t.v(line))
      .filter((line) => line.length > 0),
  })),
  quote: noteQuote(t),
});
