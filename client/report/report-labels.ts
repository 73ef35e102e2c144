import type { Language } from '../../domain/common';

/** Every fixed text of the printed reports, in the three languages of the chamber. */
export const REPORT_LABELS = {
  reportTitle: {
    ar: 'تقرير اليوم التكويني',
    fr: 'Rapport de la journée de formation',
    en: 'Training day report',
  },
  programmeTitle: {
    ar: 'برنامج الأيام التكوينية',
    fr: 'Programme des journées de formation',
    en: 'Programme of training days',
  },
  generatedAt: { ar: 'أُعدّ في', fr: 'Établi le', en: 'Generated on' },
  date: { ar: 'التاريخ', fr: 'Date', en: 'Date' },
  venue: { ar: 'المكان', fr: 'Lieu', en: 'Venue' },
  organiser: { ar: 'الجهة المنظمة', fr: 'Organisateur', en: 'Organiser' },
  theme: { ar: 'الموضوع', fr: 'Thème', en: 'Theme' },
  partners: { ar: 'الشركاء', fr: 'Partenaires', en: 'Partners' },
  partner: { ar: 'الشريك', fr: 'Partenaire', en: 'Partner' },
  toReassign: { ar: 'للإسناد من جديد', fr: 'À réattribuer', en: 'To reassign' },
  partnerNote: { ar: 'كلمة الشريك', fr: 'Mot du partenaire', en: 'Partner’s note' },
  partnerDeclined: {
    ar: 'اعتذرت الجهة الشريكة التي كان سيأتي منها',
    fr: 'Le partenaire qui devait le fournir s’est désisté',
    en: 'The partner that was to provide this speaker declined',
  },
  phase: { ar: 'المرحلة', fr: 'Phase', en: 'Phase' },
  previousDay: { ar: 'تتمة لليوم', fr: 'Fait suite à', en: 'Follows from' },
  nextDays: {
    ar: 'الأيام التكوينية الموالية',
    fr: 'Journées suivantes',
    en: 'Next training days',
  },
  participation: { ar: 'المشاركة', fr: 'Participation', en: 'Participation' },
  invited: { ar: 'الجمعيات المدعوة', fr: 'Associations invitées', en: 'Invited' },
  accepted: { ar: 'قبلت الدعوة', fr: 'Ont accepté', en: 'Accepted' },
  declined: { ar: 'اعتذرت', fr: 'Ont décliné', en: 'Declined' },
  waitlisted: { ar: 'في لائحة الانتظار', fr: "En liste d'attente", en: 'Waiting list' },
  undeliverable: {
    ar: 'تعذر إيصال الدعوة',
    fr: 'Invitation non distribuée',
    en: 'Undeliverable',
  },
  attended: { ar: 'حضرت', fr: 'Présentes', en: 'Attended' },
  attendees: { ar: 'عدد الحاضرين', fr: 'Personnes présentes', en: 'People present' },
  walkIns: { ar: 'حضور دون دعوة', fr: 'Venues sans invitation', en: 'Walk-ins' },
  byProvince: { ar: 'حسب الإقليم', fr: 'Par province', en: 'By province' },
  bySector: { ar: 'حسب القطاع', fr: 'Par secteur', en: 'By sector' },
  province: { ar: 'الإقليم', fr: 'Province', en: 'Province' },
  sector: { ar: 'القطاع', fr: 'Secteur', en: 'Sector' },
  total: { ar: 'المجموع', fr: 'Total', en: 'Total' },
  agenda: { ar: 'البرنامج كما نُفّذ', fr: 'Programme tel que tenu', en: 'Agenda as held' },
  time: { ar: 'التوقيت', fr: 'Horaire', en: 'Time' },
  item: { ar: 'الفقرة', fr: 'Point', en: 'Item' },
  speaker: { ar: 'المتدخل', fr: 'Intervenant', en: 'Speaker' },
  speakers: { ar: 'المتدخلون', fr: 'Intervenants', en: 'Speakers' },
  talk: { ar: 'المداخلة', fr: 'Intervention', en: 'Talk' },
  survey: { ar: 'استطلاع رأي المشاركين', fr: 'Enquête de satisfaction', en: 'Survey' },
  responses: { ar: 'عدد الأجوبة', fr: 'Réponses', en: 'Responses' },
  averageRating: {
    ar: 'متوسط التقييم (من 5)',
    fr: 'Note moyenne (sur 5)',
    en: 'Average rating (of 5)',
  },
  responseRate: { ar: 'نسبة الإجابة', fr: 'Taux de réponse', en: 'Response rate' },
  ratings: { ar: 'توزيع التقييمات', fr: 'Répartition des notes', en: 'Ratings' },
  comments: { ar: 'التعليقات', fr: 'Commentaires', en: 'Comments' },
  noSurvey: {
    ar: 'لا توجد أجوبة بعد',
    fr: "Aucune réponse pour l'instant",
    en: 'No responses yet',
  },
  recommendations: {
    ar: 'التوصيات وتتبعها',
    fr: 'Recommandations et suivi',
    en: 'Recommendations and follow-up',
  },
  noRecommendations: {
    ar: 'لم تسجل أي توصية',
    fr: 'Aucune recommandation enregistrée',
    en: 'No recommendations recorded',
  },
  recommendation: { ar: 'التوصية', fr: 'Recommandation', en: 'Recommendation' },
  kind: { ar: 'النوع', fr: 'Type', en: 'Kind' },
  owner: { ar: 'المسؤول', fr: 'Responsable', en: 'Owner' },
  status: { ar: 'الحالة', fr: 'Statut', en: 'Status' },
  due: { ar: 'الأجل', fr: 'Échéance', en: 'Due' },
  outcome: { ar: 'النتيجة', fr: 'Résultat', en: 'Outcome' },
  digestsSent: { ar: 'النشرات المرسلة', fr: 'Bulletins envoyés', en: 'Digests sent' },
  escalations: { ar: 'التنبيهات', fr: 'Relances au coordinateur', en: 'Escalations' },
  visits: { ar: 'زيارات التشبيك', fr: "Visites d'échange", en: 'Networking visits' },
  host: { ar: 'الجمعية المستضيفة', fr: 'Hôte', en: 'Host' },
  visitors: { ar: 'الجمعيات الزائرة', fr: 'Visiteurs', en: 'Visitors' },
  visitReport: { ar: 'تقرير الزيارة', fr: 'Compte rendu', en: 'Visit report' },
  days: { ar: 'الأيام', fr: 'Journées', en: 'Days' },
  daysHeld: { ar: 'الأيام المنعقدة', fr: 'Journées tenues', en: 'Days held' },
  daysPlanned: { ar: 'الأيام المبرمجة', fr: 'Journées prévues', en: 'Days planned' },
  associationsReached: {
    ar: 'الجمعيات المستفيدة',
    fr: 'Associations touchées',
    en: 'Associations reached',
  },
  recommendationsTotal: { ar: 'التوصيات', fr: 'Recommandations', en: 'Recommendations' },
  recommendationsClosed: {
    ar: 'التوصيات المغلقة',
    fr: 'Recommandations clôturées',
    en: 'Recommendations closed',
  },
  trainingDay: { ar: 'اليوم التكويني', fr: 'Journée', en: 'Training day' },
  none: { ar: '—', fr: '—', en: '—' },
} as const satisfies Record<string, Record<Language, string>>;

export type ReportLabel = keyof typeof REPORT_LABELS;

/** Labels of enumerated values (sectors, statuses, kinds, phases). */
export const VALUE_LABELS: Record<string, Record<Language, string>> = {
  trade: { ar: 'التجارة', fr: 'Commerce', en: 'Trade' },
  crafts: { ar: 'الصناعة التقليدية', fr: 'Artisanat', en: 'Crafts' },
  services: { ar: 'الخدمات', fr: 'Services', en: 'Services' },
  'not-started': { ar: 'لم يبدأ', fr: 'Non démarré', en: 'Not started' },
  open: { ar: 'مفتوح', fr: 'Ouvert', en: 'Open' },
  'in-progress': { ar: 'قيد الإنجاز', fr: 'En cours', en: 'In progress' },
  overdue: { ar: 'متأخر', fr: 'En retard', en: 'Overdue' },
  done: { ar: 'منجز', fr: 'Réalisé', en: 'Done' },
  dropped: { ar: 'متخلى عنه', fr: 'Abandonné', en: 'Dropped' },
  'capacity-building': {
    ar: 'تقوية القدرات',
    fr: 'Renforcement des capacités',
    en: 'Capacity building',
  },
  coordination: { ar: 'التنسيق', fr: 'Coordination', en: 'Coordination' },
  'further-training': {
    ar: 'لقاءات ودورات تكوينية إضافية',
    fr: 'Formations complémentaires',
    en: 'Further training',
  },
  'networking-visits': {
    ar: 'التشبيك والزيارات',
    fr: 'Réseautage et visites',
    en: 'Networking visits',
  },
  other: { ar: 'أخرى', fr: 'Autre', en: 'Other' },
  speaker: { ar: 'متدخل', fr: 'Intervenant', en: 'Speaker' },
  venue: { ar: 'القاعة', fr: 'Salle', en: 'Venue' },
  funding: { ar: 'التمويل', fr: 'Financement', en: 'Funding' },
  outreach: { ar: 'التعبئة', fr: 'Mobilisation', en: 'Outreach' },
  proposed: { ar: 'مقترحة', fr: 'Proposée', en: 'Proposed' },
  inviting: { ar: 'الدعوات مرسلة', fr: 'Invitations envoyées', en: 'Invitations sent' },
  'needs-new-pairing': {
    ar: 'تحتاج إلى اقتران جديد',
    fr: 'À réapparier',
    en: 'Needs a new pairing',
  },
  confirmed: { ar: 'مؤكد', fr: 'Confirmé', en: 'Confirmed' },
  scheduled: { ar: 'مبرمجة', fr: 'Programmée', en: 'Scheduled' },
  held: { ar: 'أُنجزت', fr: 'Effectuée', en: 'Held' },
  reported: { ar: 'أُنجز تقريرها', fr: 'Compte rendu reçu', en: 'Reported' },
  cancelled: { ar: 'ملغى', fr: 'Annulé', en: 'Cancelled' },
  pending: { ar: 'في الانتظار', fr: 'En attente', en: 'Pending' },
  invited: { ar: 'مدعو', fr: 'Invité', en: 'Invited' },
  declined: { ar: 'اعتذر', fr: 'A décliné', en: 'Declined' },
  'replacement-needed': {
    ar: 'يلزم تعويضه',
    fr: 'Remplacement nécessaire',
    en: 'Replacement needed',
  },
  asked: { ar: 'تمت مراسلته', fr: 'Sollicité', en: 'Asked' },
  escalated: { ar: 'تم التنبيه', fr: 'Relancé', en: 'Escalated' },
  draft: { ar: 'مسودة', fr: 'Brouillon', en: 'Draft' },
  'coordinating-partners': {
    ar: 'التنسيق مع الشركاء',
    fr: 'Coordination des partenaires',
    en: 'Coordinating partners',
  },
  'booking-speakers': {
    ar: 'تأكيد المتدخلين',
    fr: 'Confirmation des intervenants',
    en: 'Booking speakers',
  },
  'invitations-open': { ar: 'الدعوات مفتوحة', fr: 'Invitations ouvertes', en: 'Invitations open' },
  'registration-closed': {
    ar: 'التسجيل مغلق',
    fr: 'Inscriptions closes',
    en: 'Registration closed',
  },
  closed: { ar: 'اختُتم', fr: 'Clôturée', en: 'Closed' },
  'following-up': { ar: 'قيد التتبع', fr: 'Suivi en cours', en: 'Following up' },
  completed: { ar: 'منتهٍ', fr: 'Terminée', en: 'Completed' },
  'same-sector-other-province': {
    ar: 'نفس القطاع من إقليم آخر',
    fr: 'Même secteur, autre province',
    en: 'Same sector, other province',
  },
  'host-experience': {
    ar: 'مستضيف ذو تجربة',
    fr: 'Hôte expérimenté',
    en: 'Experienced host',
  },
};

/** The label of a fixed text in `language`. */
export function label(key: ReportLabel, language: Language): string {
  return REPORT_LABELS[key][language];
}

/** The label of an enumerated value, or the value itself when it has none (a province name). */
export function valueLabel(value: string, language: Language): string {
  return VALUE_LABELS[value]?.[language] ?? value;
}
