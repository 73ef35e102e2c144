'use strict';
/* One training day: timeline, partners, speakers, RSVP funnel, waiting list, delivery problems,
   attendance, follow-up. */
(function () {
  const { t, pick } = window.i18n;
  const { h, api, withSession, stream, formatDate, badge, table, flash } = window.dashboard;
  const eventId = decodeURIComponent(location.pathname.split('/').pop());
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
  ];
  let status;
  let waitlist;
  let deliveries;
  let workflows = [];

  function renderHeader() {
    const title = pick(status.title) || status.eventId;
    const local = status.local || {};
    document.title = `${title} – multaqa`;
    document
      .getElementById('event-header')
      .replaceChildren(
        h('h1', {}, title),
        h(
          'p',
          {},
          badge(status.phase, t(`phase.${status.phase}`)),
          ' ',
          formatDate(status.startsAt, status.timeZone, true, local.startsAt),
          ' – ',
          local.endsAt
            ? local.endsAt.slice(11)
            : formatDate(status.endsAt, status.timeZone).split(' ').pop(),
          ` (${status.timeZone}) · ${t('event.rsvpBy')} ${formatDate(status.rsvpDeadlineAt, status.timeZone, false, local.rsvpDeadlineAt)}`,
          ` · ${t('event.revision')} ${status.revision} · `,
          h(
            'a',
            { href: `/api/events/${encodeURIComponent(eventId)}/report`, target: '_blank' },
            t('event.report'),
          ),
        ),
        ...(status.cancelledReason
          ? [
              h(
                'p',
                { class: 'badge', dataset: { status: 'cancelled' } },
                `${t('event.cancelled')}: ${status.cancelledReason}`,
              ),
            ]
          : []),
      );
    // Invitations were due but no association matched: nothing went out, the day waits.
    if (status.audienceEmpty)
      document
        .getElementById('event-header')
        .append(
          h(
            'p',
            { class: 'badge', dataset: { status: 'audience-empty' } },
            t('event.audienceEmpty'),
          ),
        );
  }

  function renderTimeline() {
    const reached = new Map(status.phaseHistory.map((change) => [change.phase, change.at]));
    const phases =
      status.phase === 'cancelled'
        ? [...PHASES.filter((phase) => reached.has(phase)), 'cancelled']
        : PHASES;
    document.getElementById('timeline').replaceChildren(
      ...phases.map((phase) =>
        h(
          'li',
          {
            dataset: {
              phase,
              reached: String(reached.has(phase) || phase === status.phase),
              current: String(phase === status.phase),
            },
          },
          t(`phase.${phase}`),
          reached.has(phase)
            ? h(
                'time',
                { datetime: reached.get(phase) },
                formatDate(
                  reached.get(phase),
                  status.timeZone,
                  true,
                  (status.local || {}).phases?.[phase],
                ),
              )
            : null,
        ),
      ),
    );
  }

  function renderPeople() {
    document.getElementById('partners').replaceChildren(
      table(
        ['col.partner', 'col.status', 'col.contributions', 'col.reminders', 'col.toReassign'],
        status.partners.map((partner) => [
          pick(partner.name) || partner.partnerId,
          badge(partner.status),
          partner.confirmedContributions.join(', ') || partner.requestedContributions.join(', '),
          String(partner.remindersSent),
          partner.toReassign.join(', ') || '–',
        ]),
      ),
    );
    const partnerName = (partnerId) => {
      const partner = status.partners.find((candidate) => candidate.partnerId === partnerId);
      return (partner && pick(partner.name)) || partnerId;
    };
    document.getElementById('speakers').replaceChildren(
      table(
        ['col.slot', 'col.speaker', 'col.status'],
        status.speakers.map((slot) => [
          pick(slot.title) || slot.agendaItemId,
          slot.speakerName,
          // A slot whose speaker a declined partner was to provide: the coordinator has work.
          slot.partnerDeclined
            ? badge(
                'partner-declined',
                t('event.partnerDeclined', { partner: partnerName(slot.partnerDeclined) }),
              )
            : badge(slot.status),
        ]),
      ),
    );
  }

  function funnelRow(key, value, total) {
    const width = total > 0 ? Math.min(100, Math.round((value / total) * 100)) : 0;
    return h(
      'div',
      { class: 'funnel-row' },
      h('span', {}, t(`funnel.${key}`)),
      h('div', { class: 'meter' }, h('span', { style: `width:${width}%` })),
      h('span', { class: 'count', dataset: { count: key } }, value),
    );
  }

  function renderFunnel() {
    const r = status.registration;
    const total = Math.max(r.invited, 1);
    document.getElementById('funnel').replaceChildren(
      h(
        'div',
        { class: 'funnel' },
        funnelRow('invited', r.invited, total),
        funnelRow('accepted', r.accepted, total),
        funnelRow('waitlisted', r.waitlisted, total),
        funnelRow('declined', r.declined, total),
        funnelRow('pending', r.pending, total),
        funnelRow('undeliverable', r.undeliverable, total),
        funnelRow('checkedIn', status.attendance.checkedIn, total),
      ),
      h(
        'div',
        { class: 'funnel-row' },
        h('span', {}, t('funnel.seats')),
        h(
          'div',
          { class: 'meter' },
          h('span', {
            style: `width:${r.capacity ? Math.min(100, Math.round((r.seatsTaken / r.capacity) * 100)) : 0}%`,
          }),
        ),
        h('span', { class: 'count', dataset: { count: 'seats' } }, `${r.seatsTaken}/${r.capacity}`),
      ),
    );
  }

  function renderWaitlist() {
    const container = document.getElementById('waitlist');
    if (!waitlist || waitlist.waitlist.length === 0) {
      container.replaceChildren(h('p', { class: 'muted' }, t('event.nobodyWaiting')));
      return;
    }
    container.replaceChildren(
      table(
        ['#', 'col.association', 'col.seats'],
        waitlist.waitlist.map((entry, index) => [
          String(index + 1),
          entry.associationId,
          String(entry.seats),
        ]),
      ),
    );
  }

  function recipientCell(entry) {
    const partner =
      entry.recipientKind === 'partner'
        ? status.partners.find((candidate) => candidate.partnerId === entry.recipientId)
        : undefined;
    const name = (partner && pick(partner.name)) || entry.recipientName || entry.recipientId;
    return h('span', { title: `${entry.recipientKind}: ${entry.recipientId}` }, name);
  }

  function deliveryTime(entry) {
    return h(
      'time',
      { datetime: entry.at },
      formatDate(entry.at, status.timeZone, true, entry.local),
    );
  }

  function renderDeliveries() {
    const container = document.getElementById('deliveries');
    const undeliverable = (deliveries && deliveries.undeliverable) || [];
    const duplicates = (deliveries && deliveries.possibleDuplicates) || [];
    if (undeliverable.length === 0 && duplicates.length === 0) {
      container.replaceChildren(h('p', { class: 'muted' }, t('event.noDeliveryProblems')));
      return;
    }
    const address = (entry) => h('bdi', { dir: 'ltr' }, entry.email);
    container.replaceChildren(
      h('h3', {}, `${t('event.undeliverable')} (${undeliverable.length})`),
      undeliverable.length === 0
        ? h('p', { class: 'muted' }, t('event.noUndeliverable'))
        : table(
            ['col.recipient', 'col.address', 'col.purpose', 'col.reason', 'col.when'],
            undeliverable.map((entry) => [
              recipientCell(entry),
              address(entry),
              entry.purpose,
              entry.reason,
              deliveryTime(entry),
            ]),
          ),
      ...(duplicates.length === 0
        ? []
        : [
            h('h3', {}, `${t('event.possibleDuplicates')} (${duplicates.length})`),
            h('p', { class: 'muted' }, t('event.possibleDuplicatesHelp')),
            table(
              ['col.recipient', 'col.address', 'col.purpose', 'col.when'],
              duplicates.map((entry) => [
                recipientCell(entry),
                address(entry),
                entry.purpose,
                deliveryTime(entry),
              ]),
            ),
          ]),
    );
  }

  function segmentTable(title, accepted, checkedIn) {
    const keys = [
      ...new Set([...Object.keys(accepted || {}), ...Object.keys(checkedIn || {})]),
    ].sort();
    return h(
      'section',
      {},
      h('h3', {}, t(title)),
      table(
        ['', 'col.accepted', 'col.checkedIn'],
        keys.map((key) => [
          window.i18n.valueLabel(key),
          String((accepted || {})[key] || 0),
          String((checkedIn || {})[key] || 0),
        ]),
      ),
    );
  }

  function renderAttendance() {
    document
      .getElementById('attendance')
      .replaceChildren(
        segmentTable(
          'event.byProvince',
          status.registration.byProvince,
          status.attendance.byProvince,
        ),
        segmentTable('event.bySector', status.registration.bySector, status.attendance.bySector),
      );
  }

  function renderFollowUps() {
    const link = (workflowId) => workflows.find((workflow) => workflow.workflowId === workflowId);
    document.getElementById('follow-ups').replaceChildren(
      table(
        ['col.recommendation', 'col.kind', 'col.owner', 'col.status', 'col.due', 'col.outcome'],
        status.followUps.map((followUp) => {
          const recommendation = status.recommendations.find(
            (item) => item.id === followUp.recommendationId,
          );
          const found = link(followUp.workflowId);
          const label = recommendation ? pick(recommendation.text) : followUp.recommendationId;
          return [
            found ? h('a', { href: found.url, target: '_blank', rel: 'noopener' }, label) : label,
            t(`kind.${followUp.kind}`, { fallback: followUp.kind }),
            t(`owner.${followUp.owner}`, { fallback: followUp.owner }),
            badge(followUp.status),
            followUp.dueAt
              ? formatDate(
                  followUp.dueAt,
                  status.timeZone,
                  false,
                  (status.local || {}).followUpsDue?.[followUp.recommendationId],
                )
              : '',
            followUp.outcome || '',
          ];
        }),
      ),
    );
  }

  function renderWorkflows() {
    document
      .getElementById('workflows')
      .replaceChildren(
        ...workflows.map((workflow) =>
          h(
            'li',
            {},
            h(
              'a',
              { href: workflow.url, target: '_blank', rel: 'noopener' },
              `${workflow.kind}: ${workflow.label}`,
            ),
          ),
        ),
      );
  }

  function render() {
    if (!status) return;
    renderHeader();
    renderTimeline();
    renderPeople();
    renderFunnel();
    renderWaitlist();
    renderDeliveries();
    renderAttendance();
    renderFollowUps();
    renderWorkflows();
  }

  async function refreshDetails() {
    const base = `/api/events/${encodeURIComponent(eventId)}`;
    workflows = (await api(`${base}/workflows`).catch(() => ({ workflows: [] }))).workflows;
    waitlist =
      status.registration.shards > 0
        ? await api(`${base}/waitlist`).catch(() => undefined)
        : undefined;
    // Kept as they were when the read fails for a moment: problems do not vanish on a hiccup.
    deliveries = await api(`${base}/deliveries`).catch(() => deliveries);
    render();
  }

  let refreshTimer;
  function scheduleDetails() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void refreshDetails(), 500);
  }

  async function start() {
    // Sector and province labels are the deployment's data; without them, ids are shown.
    window.i18n.addValueLabels(await api('/api/taxonomy').catch(() => ({})));
    status = await api(`/api/events/${encodeURIComponent(eventId)}`);
    render();
    await refreshDetails();
    stream(`/api/stream?eventId=${encodeURIComponent(eventId)}`, {
      status: (next) => {
        status = next;
        render();
        flash(document.getElementById('funnel'));
        scheduleDetails();
      },
    });
  }

  window.i18n.apply();
  window.i18n.onChange(render);
  void withSession(start);
})();
