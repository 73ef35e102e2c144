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
    ar: 'تم تأكيد حضوركم لفائدة {seats}.',
    fr: 'Votre participation est confirmée pour {seats}.',
    en: 'Your attendance is confirmed for {seats}.',
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
  answerAccepted: {
    ar: 'جمعيتكم مسجلة لفائدة {seats}.',
    fr: 'Votre association est inscrite pour {seats}.',
    en: 'Your association is registered for {seats}.',
  },
  answerWaitlisted: {
    ar: 'جمعيتكم في لائحة الانتظار ({seats})، في المرتبة {position}.',
    fr: "Votre association est sur la liste d'attente ({seats}), en position {position}.",
    en: 'Your association is on the waiting list ({seats}), number {position}.',
  },
  answerDeclined: {
    ar: 'أخبرتمونا أن جمعيتكم لن تتمكن من الحضور.',
    fr: 'Vous nous avez indiqué que votre association ne pourra pas venir.',
    en: 'You told us your association cannot come.',
  },
  rsvpClosed: {
    ar: 'انتهى أجل الرد يوم {date}. لأي تغيير، المرجو مراسلة فريق التنسيق.',
    fr: 'Les réponses sont closes depuis le {date}. Pour tout changement, écrivez à la coordination.',
    en: 'Answers closed on {date}. For any change, please write to the coordinator.',
  },
  rsvpStarted: {
    ar: 'انطلق اليوم التكويني: لم يعد بالإمكان تسجيل الأجوبة.',
    fr: 'La journée a commencé : les réponses sont closes.',
    en: 'The training day has started: answers are closed.',
  },
  cancelled: {
    ar: 'تم إلغاء هذا اليوم التكويني.',
    fr: 'Cette journée de formation a été annulée.',
    en: 'This training day has been cancelled.',
  },
  notInvited: {
    ar: 'جمعيتكم ليست ضمن المدعوين إلى هذا اليوم التكويني.',
    fr: 'Votre association ne figure pas parmi les invités de cette journée.',
    en: 'Your association is not among the invitees of this day.',
  },
  notPossible: {
    ar: 'لم يعد هذا ممكنا بالنسبة لهذا اليوم التكويني.',
    fr: "Ce n'est plus possible pour cette journée de formation.",
    en: 'This is no longer possible for this training day.',
  },
  fieldSeats: {
    ar: 'يجب أن يكون عدد المشاركين بين 1 و{max}.',
    fr: 'Le nombre de participants doit être compris entre 1 et {max}.',
    en: 'The number of participants must be between 1 and {max}.',
  },
  fieldAttendees: {
    ar: 'يجب أن يكون عدد الحاضرين بين 1 و50.',
    fr: 'Le nombre de personnes doit être compris entre 1 et 50.',
    en: 'The number of people must be between 1 and 50.',
  },
  fieldRating: {
    ar: 'المرجو اختيار تقييم من 1 إلى 5.',
    fr: 'Choisissez une note de 1 à 5.',
    en: 'Please choose a rating from 1 to 5.',
  },
  fieldComments: {
    ar: 'لا يمكن أن تتجاوز الملاحظات 2000 حرف.',
    fr: 'Les commentaires ne peuvent dépasser 2 000 caractères.',
    en: 'Comments cannot be longer than 2,000 characters.',
  },
  fieldOther: {
    ar: 'المرجو مراجعة الاستمارة وإعادة المحاولة.',
    fr: 'Vérifiez le formulaire et réessayez.',
    en: 'Please check the form and try again.',
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
  checkInNotYet: {
    ar: 'يفتح تسجيل الحضور يوم {date} على الساعة {time} ({zone}). احتفظوا بهذا الرابط أو برمز QR إلى غاية ذلك الحين.',
    fr: "L'enregistrement à l'accueil ouvre le {date} à {time} ({zone}). Gardez ce lien ou le code QR d'ici là.",
    en: 'Check-in opens on {date} at {time} ({zone}). Keep this link or the QR code until then.',
  },
  checkInOver: {
    ar: 'انتهى اليوم التكويني: أُغلق تسجيل الحضور.',
    fr: "La journée est terminée : l'enregistrement à l'accueil est clos.",
    en: 'The day is over: check-in is closed.',
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
    ar: 'حجزت جمعيتكم لـ{seats}: لا يسجل هذا الرابط أكثر من ذلك. للمزيد، المرجو التوجه إلى فريق الاستقبال.',
    fr: "Votre association a réservé pour {seats} : ce lien n'en enregistre pas davantage. Pour plus de personnes, adressez-vous à l'accueil.",
    en: 'Your association booked for {seats}: this link checks in no more. For more people, please see the staff at the door.',
  },
  unsubscribeTitle: { ar: 'إلغاء الاشتراك', fr: 'Désabonnement', en: 'Unsubscribe' },
  unsubscribeIntro: {
    ar: 'هل تريدون التوقف عن تلقي الدعوات إلى الأيام التكوينية على العنوان {email}؟ ستستمر الرسائل المتعلقة بالأيام التي سجلتم فيها.',
    fr: "Ne plus recevoir d'invitations aux journées de formation à l'adresse {email} ? Les messages sur les journées où vous êtes inscrits continueront d'arriver.",
    en: 'Stop receiving invitations to training days at {email}? Messages about days you have registered for will still arrive.',
  },
  unsubscribeButton: { ar: 'إلغاء الاشتراك', fr: 'Me désabonner', en: 'Unsubscribe' },
  unsubscribed: {
    ar: 'تم إلغاء اشتراككم: لن تصلكم دعوات جديدة.',
    fr: "C'est fait : vous ne recevrez plus de nouvelles invitations.",
    en: 'Done: you will not receive new invitations.',
  },
  alreadyUnsubscribed: {
    ar: 'لن تصلكم دعوات جديدة على العنوان {email}.',
    fr: "Vous ne recevez plus d'invitations à l'adresse {email}.",
    en: 'You no longer receive invitations at {email}.',
  },
  resubscribeButton: {
    ar: 'استئناف تلقي الدعوات',
    fr: 'Recevoir à nouveau les invitations',
    en: 'Receive invitations again',
  },
  resubscribed: {
    ar: 'ستصلكم الدعوات من جديد.',
    fr: 'Vous recevrez à nouveau les invitations.',
    en: 'You will receive invitations again.',
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
  surveyNotYet: {
    ar: 'يفتح الاستبيان في نهاية اليوم التكويني، يوم {date} على الساعة {time} ({zone}).',
    fr: 'Le questionnaire ouvre à la fin de la journée, le {date} à {time} ({zone}).',
    en: 'The survey opens at the end of the day, on {date} at {time} ({zone}).',
  },
  notAttended: {
    ar: 'الاستبيان مخصص للجمعيات التي حضرت اليوم التكويني.',
    fr: 'Le questionnaire est réservé aux associations venues à la journée.',
    en: 'The survey is for the associations that came to the day.',
  },
  alreadyAnswered: {
    ar: 'سبق أن أجبتم على الاستبيان. شكرا لكم!',
    fr: 'Vous avez déjà répondu au questionnaire. Merci !',
    en: 'You have already answered the survey. Thank you!',
  },
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
  unavailable: {
    ar: 'الخدمة غير متاحة مؤقتا. المرجو المحاولة لاحقا.',
    fr: 'Service momentanément indisponible. Réessayez plus tard.',
    en: 'The service is unavailable for a moment. Please try again later.',
  },
  when: { ar: 'التاريخ', fr: 'Date', en: 'Date' },
  time: { ar: 'التوقيت', fr: 'Horaire', en: 'Time' },
  place: { ar: 'المكان', fr: 'Lieu', en: 'Venue' },
  association: { ar: 'الجمعية', fr: 'Association', en: 'Association' },
} satisfies Record<string, Record<Language, string>>;

export type LinkPageTextKey = keyof typeof LINK_PAGE_TEXT;

/** A text in `language`, with `{name}` placeholders filled (plain text; HTML: `textHtml`). */
export function text(
  language: Language,
  key: LinkPageTextKey,
  values: Record<string, string | number> = {},
): string {
  return LINK_PAGE_TEXT[key][language].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
