'use strict';
/* The dashboard's texts in Arabic (right to left), French and English. */
(function () {
  const TEXTS = {
    'nav.days': { ar: 'الأيام التكوينية', fr: 'Journées de formation', en: 'Training days' },
    'nav.outbox': { ar: 'الرسائل المرسلة', fr: 'Messages envoyés', en: 'Outbox' },
    'live.on': { ar: 'مباشر', fr: 'en direct', en: 'live' },
    'live.off': { ar: 'غير متصل', fr: 'hors ligne', en: 'offline' },
    'index.title': {
      ar: 'الأيام التكوينية حسب المرحلة',
      fr: 'Journées de formation par phase',
      en: 'Training days by phase',
    },
    'index.empty': {
      ar: 'لا توجد أيام تكوينية بعد.',
      fr: 'Aucune journée pour l’instant.',
      en: 'No training days yet.',
    },
    'login.title': { ar: 'الدخول', fr: 'Connexion', en: 'Sign in' },
    'login.help': {
      ar: 'أدخلوا مفتاح الولوج (منسق أو مشاهد).',
      fr: 'Saisissez une clé d’API (coordinateur ou lecteur).',
      en: 'Enter an API key (coordinator or viewer).',
    },
    'login.submit': { ar: 'دخول', fr: 'Se connecter', en: 'Sign in' },
    'login.key': { ar: 'مفتاح الولوج', fr: 'Clé d’API', en: 'API key' },
    'login.failed': { ar: 'مفتاح غير معروف.', fr: 'Clé inconnue.', en: 'Unknown key.' },
    'event.timeline': { ar: 'المراحل', fr: 'Phases', en: 'Phases' },
    'event.partners': { ar: 'الشركاء', fr: 'Partenaires', en: 'Partners' },
    'event.speakers': { ar: 'المتدخلون', fr: 'Intervenants', en: 'Speakers' },
    'event.funnel': { ar: 'مسار الردود', fr: 'Entonnoir des réponses', en: 'RSVP funnel' },
    'event.waitlist': { ar: 'لائحة الانتظار', fr: 'Liste d’attente', en: 'Waiting list' },
    'event.attendance': { ar: 'الحضور', fr: 'Participation', en: 'Attendance' },
    'event.followUps': {
      ar: 'تتبع التوصيات',
      fr: 'Suivi des recommandations',
      en: 'Follow-up tracker',
    },
    'event.workflows': {
      ar: 'مسارات العمل في Temporal',
      fr: 'Workflows dans Temporal',
      en: 'Workflows in Temporal',
    },
    'event.revision': { ar: 'المراجعة', fr: 'Révision', en: 'Revision' },
    'event.rsvpBy': { ar: 'آخر أجل للرد', fr: 'Réponses avant le', en: 'RSVP by' },
    'event.cancelled': { ar: 'ملغى', fr: 'Annulée', en: 'Cancelled' },
    'event.audienceEmpty': {
      ar: 'لم تُرسل أي دعوة: لا توجد جمعية مطابقة للفئة المستهدفة. استوردوا الجمعيات أو وسّعوا الفئة؛ يعيد اليوم التحقق كل ساعة.',
      fr: 'Aucune invitation envoyée : aucune association ne correspond au public visé. Importez les associations ou élargissez le public ; la journée vérifie à nouveau toutes les heures.',
      en: 'No invitation sent: no association matches the audience. Import the associations or widen the audience; the day looks again every hour.',
    },
    'event.none': { ar: 'لا شيء بعد', fr: 'Rien pour l’instant', en: 'None yet' },
    'event.nobodyWaiting': {
      ar: 'لا أحد في الانتظار',
      fr: 'Personne n’attend',
      en: 'Nobody is waiting',
    },
    'event.byProvince': { ar: 'حسب الإقليم', fr: 'Par province', en: 'By province' },
    'event.bySector': { ar: 'حسب القطاع', fr: 'Par secteur', en: 'By sector' },
    'event.report': { ar: 'التقرير', fr: 'Rapport', en: 'Report' },
    'event.deliveries': {
      ar: 'مشاكل الإرسال',
      fr: 'Problèmes de distribution',
      en: 'Delivery problems',
    },
    'event.noDeliveryProblems': {
      ar: 'لا مشاكل في الإرسال: قبلت كل العناوين رسائلها.',
      fr: 'Aucun problème de distribution : toutes les adresses ont accepté leurs messages.',
      en: 'No delivery problems: every address accepted its messages.',
    },
    'event.undeliverable': {
      ar: 'عناوين رفضت الرسائل نهائيا',
      fr: 'Adresses refusées définitivement',
      en: 'Addresses refused for good',
    },
    'event.noUndeliverable': {
      ar: 'لم يرفض أي عنوان.',
      fr: 'Aucune adresse refusée.',
      en: 'No address refused.',
    },
    'event.possibleDuplicates': {
      ar: 'رسائل قد تكون وصلت مرتين',
      fr: 'Messages peut-être reçus deux fois',
      en: 'Messages that may have arrived twice',
    },
    'event.possibleDuplicatesHelp': {
      ar: 'أعيد إرسالها بعد توقف المرسل أثناء الإرسال (بنفس معرف الرسالة).',
      fr: 'Renvoyés après l’arrêt de l’expéditeur en plein envoi (même Message-ID).',
      en: 'Resent after the sender stopped mid-send (same Message-ID).',
    },
    'event.agenda': { ar: 'برنامج اليوم', fr: 'Programme', en: 'Agenda' },
    'agenda.action': { ar: 'التعديل', fr: 'Modification', en: 'Change' },
    'agenda.move': { ar: 'تغيير التوقيت', fr: 'Déplacer', en: 'Move' },
    'agenda.edit': { ar: 'تغيير العنوان', fr: 'Renommer', en: 'Retitle' },
    'agenda.add': { ar: 'إضافة فقرة', fr: 'Ajouter', en: 'Add' },
    'agenda.remove': { ar: 'حذف فقرة', fr: 'Retirer', en: 'Remove' },
    'agenda.item': { ar: 'الفقرة', fr: 'Élément', en: 'Item' },
    'agenda.newId': { ar: 'معرّف الفقرة', fr: 'Identifiant', en: 'Id' },
    'agenda.kind': { ar: 'النوع', fr: 'Type', en: 'Kind' },
    'agenda.start': { ar: 'البداية', fr: 'Début', en: 'Start' },
    'agenda.end': { ar: 'النهاية', fr: 'Fin', en: 'End' },
    'agenda.title': { ar: 'العنوان', fr: 'Titre', en: 'Title' },
    'agenda.submit': { ar: 'حفظ', fr: 'Enregistrer', en: 'Save' },
    'agenda.saved': {
      ar: 'تم حفظ البرنامج (المراجعة {revision}). سيُخبَر المعنيون بعد فترة هدوء.',
      fr: 'Programme enregistré (révision {revision}). Les personnes concernées seront prévenues après un temps calme.',
      en: 'Agenda saved (revision {revision}). Those concerned are told after a quiet period.',
    },
    'agenda.refused': { ar: 'لم يُحفظ التعديل:', fr: 'Modification refusée :', en: 'Not saved:' },
    'agendaKind.opening': { ar: 'افتتاح', fr: 'Ouverture', en: 'Opening' },
    'agendaKind.talk': { ar: 'مداخلة', fr: 'Intervention', en: 'Talk' },
    'agendaKind.discussion': { ar: 'نقاش', fr: 'Débat', en: 'Discussion' },
    'agendaKind.break': { ar: 'استراحة', fr: 'Pause', en: 'Break' },
    'agendaKind.recommendations': { ar: 'توصيات', fr: 'Recommandations', en: 'Recommendations' },
    'agendaKind.closing': { ar: 'اختتام', fr: 'Clôture', en: 'Closing' },
    'col.time': { ar: 'التوقيت', fr: 'Horaire', en: 'Time' },
    'col.recipient': { ar: 'المرسل إليه', fr: 'Destinataire', en: 'Recipient' },
    'col.address': { ar: 'العنوان', fr: 'Adresse', en: 'Address' },
    'col.reason': { ar: 'السبب', fr: 'Motif', en: 'Reason' },
    'col.when': { ar: 'الوقت', fr: 'Quand', en: 'When' },
    'col.partner': { ar: 'الشريك', fr: 'Partenaire', en: 'Partner' },
    'col.status': { ar: 'الحالة', fr: 'État', en: 'Status' },
    'col.contributions': { ar: 'المساهمات', fr: 'Contributions', en: 'Contributions' },
    'col.reminders': { ar: 'التذكيرات', fr: 'Relances', en: 'Reminders' },
    'col.toReassign': { ar: 'للإسناد من جديد', fr: 'À réattribuer', en: 'To reassign' },
    'event.partnerDeclined': {
      ar: 'اعتذرت {partner}: يلزم متدخل آخر',
      fr: '{partner} s’est désisté : intervenant à trouver',
      en: '{partner} declined: find a speaker',
    },
    'col.slot': { ar: 'المداخلة', fr: 'Intervention', en: 'Slot' },
    'col.speaker': { ar: 'المتدخل', fr: 'Intervenant', en: 'Speaker' },
    'col.association': { ar: 'الجمعية', fr: 'Association', en: 'Association' },
    'col.seats': { ar: 'المقاعد', fr: 'Places', en: 'Seats' },
    'col.accepted': { ar: 'المقبولون', fr: 'Acceptés', en: 'Accepted' },
    'col.checkedIn': { ar: 'الحاضرون', fr: 'Présents', en: 'Checked in' },
    'col.recommendation': { ar: 'التوصية', fr: 'Recommandation', en: 'Recommendation' },
    'col.kind': { ar: 'النوع', fr: 'Type', en: 'Kind' },
    'col.owner': { ar: 'المسؤول', fr: 'Responsable', en: 'Owner' },
    'col.due': { ar: 'الأجل', fr: 'Échéance', en: 'Due' },
    'col.outcome': { ar: 'النتيجة', fr: 'Résultat', en: 'Outcome' },
    'col.date': { ar: 'التاريخ', fr: 'Date', en: 'Date' },
    'col.to': { ar: 'إلى', fr: 'À', en: 'To' },
    'col.subject': { ar: 'الموضوع', fr: 'Objet', en: 'Subject' },
    'col.purpose': { ar: 'الغرض', fr: 'Objet métier', en: 'Purpose' },
    'funnel.invited': { ar: 'المدعوون', fr: 'Invitées', en: 'Invited' },
    'funnel.accepted': { ar: 'قبلوا', fr: 'Acceptées', en: 'Accepted' },
    'funnel.waitlisted': { ar: 'في الانتظار', fr: 'En attente', en: 'Waitlisted' },
    'funnel.declined': { ar: 'اعتذروا', fr: 'Déclinées', en: 'Declined' },
    'funnel.pending': { ar: 'لم يردوا', fr: 'Sans réponse', en: 'No answer yet' },
    'funnel.undeliverable': { ar: 'تعذر الإرسال', fr: 'Non distribuées', en: 'Undeliverable' },
    'funnel.seats': { ar: 'المقاعد المحجوزة', fr: 'Places prises', en: 'Seats taken' },
    'funnel.checkedIn': { ar: 'سجلوا حضورهم', fr: 'Arrivées', en: 'Checked in' },
    'outbox.title': { ar: 'الرسائل المرسلة', fr: 'Messages envoyés', en: 'Outbox' },
    'outbox.disabled': {
      ar: 'الرسائل تمر عبر خادم بريد خارجي: لا توجد نسخ محلية.',
      fr: 'Les messages passent par un serveur SMTP externe : pas de copie locale.',
      en: 'Messages go through an external SMTP server: no local copies.',
    },
    'outbox.count': { ar: '{n} رسالة', fr: '{n} messages', en: '{n} messages' },
    'outbox.search': { ar: 'بحث في الرسائل', fr: 'Rechercher', en: 'Search' },
    'outbox.searchHelp': {
      ar: 'المرسل إليه أو الموضوع أو الغرض',
      fr: 'Destinataire, objet ou objet métier',
      en: 'Recipient, subject or purpose',
    },
    'outbox.shown': {
      ar: '{shown} من {total} رسالة',
      fr: '{shown} sur {total} messages',
      en: '{shown} of {total} messages',
    },
    'outbox.none': {
      ar: 'لا توجد رسالة مطابقة.',
      fr: 'Aucun message ne correspond.',
      en: 'No message matches.',
    },
    'outbox.open': {
      ar: 'اضغطوا Enter لفتح الرسالة',
      fr: 'Entrée pour ouvrir le message',
      en: 'Enter opens the message',
    },
    'status.pending': { ar: 'في الانتظار', fr: 'En attente', en: 'Pending' },
    'status.asked': { ar: 'تمت مراسلته', fr: 'Sollicité', en: 'Asked' },
    'status.invited': { ar: 'مدعو', fr: 'Invité', en: 'Invited' },
    'status.confirmed': { ar: 'مؤكد', fr: 'Confirmé', en: 'Confirmed' },
    'status.declined': { ar: 'اعتذر', fr: 'A décliné', en: 'Declined' },
    'status.escalated': { ar: 'أحيل على المنسق', fr: 'Escaladé', en: 'Escalated' },
    'status.cancelled': { ar: 'ملغى', fr: 'Annulé', en: 'Cancelled' },
    'status.replacement-needed': { ar: 'يلزم تعويضه', fr: 'À remplacer', en: 'Replacement needed' },
    'status.open': { ar: 'مفتوحة', fr: 'Ouverte', en: 'Open' },
    'status.in-progress': { ar: 'قيد الإنجاز', fr: 'En cours', en: 'In progress' },
    'status.overdue': { ar: 'متأخرة', fr: 'En retard', en: 'Overdue' },
    'status.done': { ar: 'منجزة', fr: 'Réalisée', en: 'Done' },
    'status.dropped': { ar: 'متخلى عنها', fr: 'Abandonnée', en: 'Dropped' },
    'kind.capacity-building': {
      ar: 'تقوية القدرات',
      fr: 'Renforcement des capacités',
      en: 'Capacity building',
    },
    'kind.coordination': { ar: 'التنسيق', fr: 'Coordination', en: 'Coordination' },
    'kind.further-training': {
      ar: 'تكوينات أخرى',
      fr: 'Autres formations',
      en: 'Further training',
    },
    'kind.networking-visits': {
      ar: 'زيارات تبادل',
      fr: "Visites d'échange",
      en: 'Networking visits',
    },
    'kind.other': { ar: 'أخرى', fr: 'Autre', en: 'Other' },
    'owner.chamber': { ar: 'الغرفة', fr: 'La Chambre', en: 'The chamber' },
    'phase.draft': { ar: 'مسودة', fr: 'Brouillon', en: 'Draft' },
    'phase.coordinating-partners': {
      ar: 'التنسيق مع الشركاء',
      fr: 'Coordination des partenaires',
      en: 'Coordinating partners',
    },
    'phase.booking-speakers': {
      ar: 'تأكيد المتدخلين',
      fr: 'Confirmation des intervenants',
      en: 'Booking speakers',
    },
    'phase.invitations-open': {
      ar: 'الدعوات مفتوحة',
      fr: 'Invitations ouvertes',
      en: 'Invitations open',
    },
    'phase.registration-closed': {
      ar: 'التسجيل مغلق',
      fr: 'Inscriptions closes',
      en: 'Registration closed',
    },
    'phase.in-progress': { ar: 'جار', fr: 'En cours', en: 'In progress' },
    'phase.closed': { ar: 'منتهٍ', fr: 'Terminée', en: 'Closed' },
    'phase.following-up': { ar: 'تتبع التوصيات', fr: 'Suivi', en: 'Following up' },
    'phase.completed': { ar: 'مكتمل', fr: 'Achevée', en: 'Completed' },
    'phase.cancelled': { ar: 'ملغى', fr: 'Annulée', en: 'Cancelled' },
  };
  const LANGUAGES = ['ar', 'fr', 'en'];
  const NAMES = { ar: 'العربية', fr: 'Français', en: 'English' };

  function initialLanguage() {
    const stored = localStorage.getItem('multaqa.lang');
    if (LANGUAGES.includes(stored)) return stored;
    const browser = (navigator.language || 'fr').slice(0, 2);
    return LANGUAGES.includes(browser) ? browser : 'fr';
  }

  let language = initialLanguage();
  const listeners = [];

  function t(key, values) {
    const entry = TEXTS[key];
    const raw = entry ? entry[language] || entry.fr || key : (values && values.fallback) || key;
    return raw.replace(/\{(\w+)\}/g, (whole, name) =>
      values && name in values ? String(values[name]) : whole,
    );
  }

  /** Adds the labels of sectors and provinces (the deployment's taxonomy, from the API). */
  function addValueLabels(taxonomy) {
    for (const entry of [...(taxonomy.sectors || []), ...(taxonomy.provinces || [])])
      TEXTS[`value.${entry.id}`] = entry.labels;
  }

  /** A sector's or province's label in the current language, or its id when it has none. */
  function valueLabel(id) {
    return t(`value.${id}`, { fallback: id });
  }

  function apply() {
    document.documentElement.lang = language;
    document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
    for (const element of document.querySelectorAll('[data-i18n]'))
      element.textContent = t(element.dataset.i18n);
    const switcher = document.getElementById('languages');
    if (switcher) {
      switcher.replaceChildren(
        ...LANGUAGES.map((code) => {
          const button = document.createElement('button');
          button.type = 'button';
          button.lang = code;
          button.textContent = NAMES[code];
          button.setAttribute('aria-pressed', String(code === language));
          button.addEventListener('click', () => setLanguage(code));
          return button;
        }),
      );
    }
  }

  function setLanguage(code) {
    language = code;
    localStorage.setItem('multaqa.lang', code);
    apply();
    for (const listener of listeners) listener(code);
  }

  window.i18n = {
    addValueLabels,
    valueLabel,
    t,
    apply,
    setLanguage,
    get language() {
      return language;
    },
    onChange(listener) {
      listeners.push(listener);
    },
    /** Text of a localized object ({ ar, fr, en }) in the dashboard's language. */
    pick(text) {
      if (!text) return '';
      return text[language] || text.fr || text.en || text.ar || '';
    },
    locale() {
      return { ar: 'ar-MA', fr: 'fr-MA', en: 'en-GB' }[language];
    },
  };
})();
