import {
  answerBySentence,
  contributionList,
  dayFacts,
  greeting,
  noteQuote,
  partnerLabel,
  partnerNoteQuote,
  present,
  reasonQuote,
} from './common-phrases';
import type { MessageTemplate } from './template-context';

/** A partner institution is asked to co-organise the day. */
export const partnerRequest: MessageTemplate = (t) => {
  const asked = contributionList(t);
  return {
    subject: t.tr({
      ar: `طلب شراكة: ${t.day.title}`,
      fr: `Demande de partenariat : ${t.day.title}`,
      en: `Partnership request: ${t.day.title}`,
    }),
    greeting: greeting(t),
    paragraphs: present([
      t.tr({
        ar: `تنظم ${t.day.organiser} يوم ${t.day.date} يوماً تكوينياً في موضوع ${t.q(t.day.theme)} لفائدة الجمعيات والتمثيليات المهنية.`,
        fr: `${t.day.organiser} organise le ${t.day.date} une journée de formation sur le thème ${t.q(t.day.theme)}, destinée aux associations et représentations professionnelles.`,
        en: `${t.day.organiser} is organising a training day on ${t.day.date} on the theme ${t.q(t.day.theme)}, for professional associations and representations.`,
      }),
      asked
        ? t.tr({
            ar: `يشرفنا أن تكون مؤسستكم ضمن الجهات المشاركة في تنظيم هذا اليوم، ولا سيما من خلال: ${asked}.`,
            fr: `Nous serions honorés de compter votre institution parmi les co-organisateurs de cette journée, en particulier pour : ${asked}.`,
            en: `We would be honoured to count your institution among the co-organisers of the day, in particular for: ${asked}.`,
          })
        : t.tr({
            ar: 'يشرفنا أن تكون مؤسستكم ضمن الجهات المشاركة في تنظيم هذا اليوم.',
            fr: 'Nous serions honorés de compter votre institution parmi les co-organisateurs de cette journée.',
            en: 'We would be honoured to count your institution among the co-organisers of the day.',
          }),
      answerBySentence(t),
      t.tr({
        ar: 'نرجو إفادتنا بقراركم بالرد على هذه الرسالة.',
        fr: 'Merci de nous faire connaître votre décision en répondant à ce message.',
        en: 'Please let us know your decision by replying to this message.',
      }),
    ]),
    facts: dayFacts(t, { theme: true }),
    quote: noteQuote(t),
  };
};

/** The partner has not answered yet. */
export const partnerReminder: MessageTemplate = (t) => {
  const asked = contributionList(t);
  return {
    subject: t.tr({
      ar: `تذكير: طلب شراكة — ${t.day.title}`,
      fr: `Rappel : demande de partenariat — ${t.day.title}`,
      en: `Reminder: partnership request — ${t.day.title}`,
    }),
    greeting: greeting(t),
    paragraphs: present([
      t.tr({
        ar: `نعود إليكم بخصوص طلب الشراكة المتعلق باليوم التكويني حول ${t.q(t.day.theme)} المزمع تنظيمه يوم ${t.day.date}.`,
        fr: `Nous revenons vers vous au sujet de notre demande de partenariat pour la journée de formation sur ${t.q(t.day.theme)}, prévue le ${t.day.date}.`,
        en: `We are writing again about our partnership request for the training day on ${t.q(t.day.theme)}, planned for ${t.day.date}.`,
      }),
      asked &&
        t.tr({
          ar: `نأمل مساهمتكم من خلال: ${asked}.`,
          fr: `Nous espérons votre contribution pour : ${asked}.`,
          en: `We hope you can contribute: ${asked}.`,
        }),
      answerBySentence(t),
      t.tr({
        ar: 'سيساعدنا ردكم على استكمال برنامج اليوم. يكفي الرد على هذه الرسالة.',
        fr: 'Votre réponse nous aidera à finaliser le programme. Il suffit de répondre à ce message.',
        en: 'Your answer will help us finalise the programme. Simply reply to this message.',
      }),
    ]),
    facts: dayFacts(t),
    quote: noteQuote(t),
  };
};

/** To the coordinator: a partner stayed silent after every reminder. */
export const partnerEscalation: MessageTemplate = (t) => ({
  subject: t.tr({
    ar: `جهة شريكة لم ترد: ${partnerLabel(t)}`,
    fr: `Partenaire sans réponse : ${partnerLabel(t)}`,
    en: `Partner has not answered: ${partnerLabel(t)}`,
  }),
  greeting: greeting(t),
  paragraphs: present([
    t.tr({
      ar: `لم ترد الجهة الشريكة ${partnerLabel(t)} على طلب الشراكة الخاص باليوم التكويني حول ${t.q(t.day.theme)} (${t.day.date}) رغم التذكيرات.`,
      fr: `Le partenaire ${partnerLabel(t)} n'a pas répondu à la demande de partenariat pour la journée de formation sur ${t.q(t.day.theme)} (${t.day.date}), malgré les rappels.`,
      en: `The partner ${partnerLabel(t)} has not answered the partnership request for the training day on ${t.q(t.day.theme)} (${t.day.date}), despite the reminders.`,
    }),
    contributionList(t) &&
      t.tr({
        ar: `المساهمات المنتظرة: ${contributionList(t)}.`,
        fr: `Contributions attendues : ${contributionList(t)}.`,
        en: `Contributions expected: ${contributionList(t)}.`,
      }),
    t.tr({
      ar: 'يُستحسن التواصل معها مباشرة.',
      fr: 'Une relance personnelle est recommandée.',
      en: 'A personal call is recommended.',
    }),
  ]),
  quote: noteQuote(t),
});

/** To the coordinator: a partner declined. */
export const partnerDeclined: MessageTemplate = (t) => {
  const asked = contributionList(t);
  return {
    subject: t.tr({
      ar: `اعتذار جهة شريكة: ${partnerLabel(t)}`,
      fr: `Partenaire : réponse négative de ${partnerLabel(t)}`,
      en: `Partner declined: ${partnerLabel(t)}`,
    }),
    greeting: greeting(t),
    paragraphs: present([
      t.tr({
        ar: `اعتذرت ${partnerLabel(t)} عن المشاركة في تنظيم اليوم التكويني حول ${t.q(t.day.theme)} (${t.day.date}).`,
        fr: `${partnerLabel(t)} a décliné la demande de partenariat pour la journée de formation sur ${t.q(t.day.theme)} (${t.day.date}).`,
        en: `${partnerLabel(t)} has declined the partnership request for the training day on ${t.q(t.day.theme)} (${t.day.date}).`,
      }),
      asked &&
        t.tr({
          ar: `ينبغي إسناد المساهمات التي كانت منتظرة منها (${asked}) إلى جهة أخرى.`,
          fr: `Les contributions attendues de ce partenaire (${asked}) sont à réattribuer.`,
          en: `The contributions expected from this partner (${asked}) need to be reassigned.`,
        }),
    ]),
    // The note came with the partner's answer: it is the partner's, not the coordinator's.
    quote: reasonQuote(t) ?? partnerNoteQuote(t),
  };
};
