import {
  agendaBlock,
  dayFacts,
  greeting,
  noteQuote,
  present,
  programmeChangedSubject,
  updatedProgrammeBelow,
} from './common-phrases';
import { changeAnswerAction } from './registration-messages';
import type { MessageTemplate } from './template-context';

/**
 * The programme changed (same day, same hours): a registered association gets the new one,
 * learns that its seats or its place on the waiting list stand, and can still change its answer.
 */
export const programmeChange: MessageTemplate = (t) => {
  const position = t.v(String(t.details.waitlistPosition ?? ''));
  return {
    subject: programmeChangedSubject(t),
    greeting: greeting(t),
    paragraphs: present([
      t.tr({
        ar: `طرأ تعديل على برنامج اليوم التكويني حول ${t.q(t.day.theme)}. التاريخ والتوقيت والمكان لم تتغير.`,
        fr: `Le programme de la journée de formation sur ${t.q(t.day.theme)} a été modifié. La date, l'horaire et le lieu restent les mêmes.`,
        en: `The programme of the training day on ${t.q(t.day.theme)} has changed. The date, hours and venue stay the same.`,
      }),
      t.details.waitlistPosition
        ? t.tr({
            ar: `تبقى جمعيتكم في لائحة الانتظار في المرتبة ${position}.`,
            fr: `Votre association reste sur la liste d'attente, en position ${position}.`,
            en: `Your association stays on the waiting list, in position ${position}.`,
          })
        : t.tr({
            ar: `يبقى تسجيل جمعيتكم قائماً لفائدة ${t.seats(t.details.seats ?? 1)}.`,
            fr: `L'inscription de votre association reste valable pour ${t.seats(t.details.seats ?? 1)}.`,
            en: `Your association's registration stands, for ${t.seats(t.details.seats ?? 1)}.`,
          }),
      updatedProgrammeBelow(t),
    ]),
    facts: dayFacts(t),
    agenda: agendaBlock(t),
    actions: changeAnswerAction(t),
    quote: noteQuote(t),
  };
};
