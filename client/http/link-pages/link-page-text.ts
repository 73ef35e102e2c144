import type { Language } from '../../../domain/common';

/** Every text of the public link pages, in each language. */
export const LINK_PAGE_TEXT = {
  rsvpTitle: { ar: 'دعوة', fr: 'Invitation', en: 'Invitation' },
  rsvpIntro: {
    ar: 'هل ستحضر جمعيتكم هذا اليوم التكويني؟',
    fr: 'Votre association participera-t-elle à cette journée de formation ?',
    en: 'Will your association attend this training day?',
  },
  seats: { ar: 'عدد المقاعد', fr: 'Nombre de places', en: 'Number of seats' },
  accept: { ar: 'نعم، سنحضر', fr: 'Oui, nous participerons', en: 'Yes, we will attend' },
  decline: { ar: 'لا، نعتذر', fr: 'Non, nous ne pourrons pas', en: 'No, we cannot attend' },
  currentAnswer: { ar: 'جوابكم الحالي', fr: 'Votre réponse actuelle', en: 'Your current answer' },
  accepted: {
    ar: 'تم تأكيد حضوركم: {seats} مقعد(مقاعد) محجوزة.',
    fr: 'Votre participation est confirmée : {seats} place(s) réservée(s).',
    en: 'Your attendance is confirmed: {seats} seat(s) reserved.',
  },
  waitlisted: {
    ar: 'المقاعد ممتلئة حاليا. أنتم في المرتبة {position} في لائحة الانتظار، وسنخبركم إذا تحرر مقعد.',
    fr: "La salle est complète pour l'instant. Vous êtes en position {position} sur la liste d'attente ; nous vous écrirons si une place se libère.",
    en: 'The day is full for now. You are number {position} on the waiting list; we will write if a seat frees up.',
  },
  declined: {
    ar: 'شكرا، تم تسجيل اعتذاركم.',
    fr: 'Merci, votre réponse a été enregistrée.',
    en: 'Thank you, your answer is recorded.',
  },
  checkInTitle: { ar: 'تسجيل الحضور', fr: 'Enregistrement à l’accueil', en: 'Check-in' },
  checkInIntro: {
    ar: 'أكدوا حضور جمعيتكم عند الاستقبال.',
    fr: "Confirmez l'arrivée de votre association à l'accueil.",
    en: "Confirm your association's arrival at the door.",
  },
  attendees: { ar: 'عدد الحاضرين', fr: 'Nombre de personnes', en: 'Number of people' },
  checkIn: { ar: 'تأكيد الحضور', fr: "Confirmer l'arrivée", en: 'Check in' },
  checkedIn: {
    ar: 'مرحبا بكم! تم تسجيل حضوركم.',
    fr: 'Bienvenue ! Votre arrivée est enregistrée.',
    en: 'Welcome! You are checked in.',
  },
  alreadyCheckedIn: {
    ar: 'سبق تسجيل حضوركم.',
    fr: 'Votre arrivée était déjà enregistrée.',
    en: 'You were already checked in.',
  },
  checkInDeclined: {
    ar: 'اعتذرت جمعيتكم عن الدعوة، لذلك لا يوجد مقعد محجوز لها. المرجو التوجه إلى فريق الاستقبال.',
    fr: "Votre association a décliné l'invitation : aucune place ne lui est réservée. Adressez-vous à l'accueil.",
    en: 'Your association declined the invitation, so no seat is held for it. Please see the staff at the door.',
  },
  checkInNoSeat: {
    ar: 'لا يوجد مقعد محجوز لجمعيتكم (لائحة الانتظار أو لا جواب). المرجو التوجه إلى فريق الاستقبال.',
    fr: "Aucune place n'est réservée pour votre association (liste d'attente ou pas de réponse). Adressez-vous à l'accueil.",
    en: 'No seat is held for your association (waiting list or no answer). Please see the staff at the door.',
  },
  checkInTooMany: {
    ar: 'حجزت جمعيتكم {seats} مقعد(مقاعد): يسجل هذا الرابط {seats} أشخاص على الأكثر. للمزيد، المرجو التوجه إلى فريق الاستقبال.',
    fr: "Votre association a réservé {seats} place(s) : ce lien enregistre au plus {seats} personne(s). Pour davantage, adressez-vous à l'accueil.",
    en: 'Your association booked {seats} seat(s): at most {seats} people can check in with this link. For more, please see the staff at the door.',
  },
  surveyTitle: { ar: 'رأيكم يهمنا', fr: 'Votre avis', en: 'Your opinion' },
  surveyIntro: {
    ar: 'كيف تقيمون هذا اليوم التكويني؟',
    fr: 'Comment évaluez-vous cette journée de formation ?',
    en: 'How would you rate this training day?',
  },
  rating: {
    ar: 'التقييم (1 ضعيف، 5 ممتاز)',
    fr: 'Note (1 faible, 5 excellent)',
    en: 'Rating (1 poor, 5 excellent)',
  },
  comments: {
    ar: 'ملاحظات واقتراحات',
    fr: 'Commentaires et suggestions',
    en: 'Comments and suggestions',
  },
  send: { ar: 'إرسال', fr: 'Envoyer', en: 'Send' },
  thanks: {
    ar: 'شكرا على مشاركتكم رأيكم.',
    fr: "Merci d'avoir partagé votre avis.",
    en: 'Thank you for sharing your opinion.',
  },
  invalidLink: {
    ar: 'هذا الرابط غير صالح. المرجو استعمال الرابط الوارد في رسالتكم.',
    fr: "Ce lien n'est pas valide. Utilisez le lien reçu dans votre message.",
    en: 'This link is not valid. Please use the link from your message.',
  },
  expiredLink: {
    ar: 'انتهت صلاحية هذا الرابط.',
    fr: 'Ce lien a expiré.',
    en: 'This link has expired.',
  },
  cancelledDay: {
    ar: 'هذه الدعوة تخص يوما تكوينيا تم إلغاؤه، ولم يعد لهذا الرابط أي مفعول.',
    fr: 'Cette invitation concerne une journée de formation annulée : ce lien ne permet plus rien.',
    en: 'This invitation belongs to a cancelled training day: this link no longer does anything.',
  },
  earlierDay: {
    ar: 'هذا الرابط يخص يوما تكوينيا سابقا يحمل نفس المعرف، تم إلغاؤه أو انتهى. المرجو استعمال الرابط الوارد في آخر رسالة توصلتم بها.',
    fr: 'Ce lien concerne une journée de formation antérieure portant le même identifiant, annulée ou terminée. Utilisez le lien de votre dernier message.',
    en: 'This link belongs to an earlier training day with the same id, which was cancelled or is over. Please use the link from your latest message.',
  },
  closed: {
    ar: 'لم يعد هذا ممكنا: {reason}',
    fr: "Ce n'est plus possible : {reason}",
    en: 'This is no longer possible: {reason}',
  },
  problem: {
    ar: 'تعذر تسجيل جوابكم: {reason}',
    fr: "Votre réponse n'a pas pu être enregistrée : {reason}",
    en: 'Your answer could not be recorded: {reason}',
  },
  unavailable: {
    ar: 'الخدمة غير متاحة مؤقتا. المرجو المحاولة لاحقا.',
    fr: 'Service momentanément indisponible. Réessayez plus tard.',
    en: 'The service is unavailable for a moment. Please try again later.',
  },
  when: { ar: 'الموعد', fr: 'Date', en: 'When' },
  association: { ar: 'الجمعية', fr: 'Association', en: 'Association' },
} satisfies Record<string, Record<Language, string>>;

export type LinkPageTextKey = keyof typeof LINK_PAGE_TEXT;

/** A text in `language`, with `{name}` placeholders filled. */
export function text(
  language: Language,
  key: LinkPageTextKey,
  values: Record<string, string | number> = {},
): string {
  return LINK_PAGE_TEXT[key][language].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
