'use strict';
/* The list of training days by phase, kept current by the server's event stream. */
(function () {
  const { t, pick } = window.i18n;
  const { h, api, withSession, stream, formatDate, flash } = window.dashboard;
  const PHASES = [
    'draft',
    'coordinating-partners',
    'booking-speakers',
    'invitations-open',
    'registration-closed',
    'in-progress',
    'closed',
    'following-up',
    'completed',
    'cancelled',
  ];
  const days = new Map();

  function card(day) {
    return h(
      'a',
      {
        class: 'card',
        href: `/dashboard/events/${encodeURIComponent(day.eventId)}`,
        dataset: { eventId: day.eventId },
      },
      h('strong', { dir: 'auto' }, pick(day.title) || day.eventId),
      h(
        'span',
        { class: 'muted' },
        formatDate(day.startsAt, day.timeZone, true, day.localStartsAt),
      ),
      h(
        'div',
        { class: 'muted' },
        `${t('funnel.invited')} `,
        h('span', { dataset: { count: 'invited' } }, day.invited),
        ` · ${t('funnel.accepted')} `,
        h('span', { dataset: { count: 'accepted' } }, day.accepted),
        ` · ${t('funnel.waitlisted')} `,
        h('span', { dataset: { count: 'waitlisted' } }, day.waitlisted),
        ` · ${t('funnel.seats')} ${day.seatsTaken}/${day.capacity}`,
      ),
    );
  }

  function render(changedId) {
    const container = document.getElementById('phases');
    const byPhase = new Map();
    for (const day of days.values()) {
      if (!byPhase.has(day.phase)) byPhase.set(day.phase, []);
      byPhase.get(day.phase).push(day);
    }
    const sections = PHASES.filter((phase) => byPhase.has(phase)).map((phase) => {
      const list = byPhase.get(phase).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      return h(
        'section',
        { class: 'phase', dataset: { phase } },
        h('h2', {}, h('span', {}, t(`phase.${phase}`)), h('span', { class: 'badge' }, list.length)),
        list.map(card),
      );
    });
    container.replaceChildren(
      ...(sections.length ? sections : [h('p', { class: 'muted' }, t('index.empty'))]),
    );
    if (changedId) {
      const changed = container.querySelector(`[data-event-id="${CSS.escape(changedId)}"]`);
      if (changed) flash(changed);
    }
  }

  async function start() {
    const { events } = await api('/api/events');
    days.clear();
    for (const day of events) days.set(day.eventId, day);
    render();
    stream('/api/stream', {
      summary: (day) => {
        days.set(day.eventId, day);
        render(day.eventId);
      },
    });
  }

  window.i18n.apply();
  window.i18n.onChange(() => render());
  void withSession(start);
})();
