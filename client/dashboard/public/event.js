'use strict';
/* One training day: timeline, partners, speakers, agenda (with a coordinator's edit form), RSVP
   funnel, waiting list, delivery problems, attendance, follow-up. */
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
  let role;
  const AGENDA_KINDS = ['opening', 'talk', 'discussion', 'break', 'recommendations', 'closing'];
  /** The fields each agenda edit asks for. */
  const AGENDA_FIELDS = {
    move: ['itemId', 'start', 'end'],
    edit: ['itemId', 'title'],
    add: ['id', 'kind', 'start', 'end', 'title'],
    remove: ['itemId'],
  };

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

  function renderAgenda() {
    const slots = new Map(status.speakers.map((slot) => [slot.agendaItemId, slot]));
    document.getElementById('agenda').replaceChildren(
      table(
        ['col.time', 'agenda.item', 'agenda.kind', 'col.speaker'],
        status.agenda.map((item) => {
          const slot = item.speakerId ? slots.get(item.id) : undefined;
          return [
            `${item.start}–${item.end}`,
            pick(item.title) || item.id,
            t(`agendaKind.${item.kind}`, { fallback: item.kind }),
            slot ? slot.speakerName : '',
          ];
        }),
      ),
    );
    updateAgendaForm();
  }

  /** A labelled field of the agenda form; its label follows the language switch. */
  function field(name, control) {
    const key =
      name === 'itemId' ? 'agenda.item' : name === 'id' ? 'agenda.newId' : `agenda.${name}`;
    return h(
      'label',
      { dataset: { field: name } },
      h('span', { dataset: { i18n: key } }, t(key)),
      control,
    );
  }

  /** The coordinator's form: one edit at a time, posted to the agenda route. */
  function buildAgendaForm() {
    const form = document.getElementById('agenda-form');
    const options = (values, prefix) =>
      values.map((value) =>
        h(
          'option',
          { value, dataset: prefix ? { i18n: `${prefix}.${value}` } : undefined },
          prefix ? t(`${prefix}.${value}`) : value,
        ),
      );
    form.replaceChildren(
      field(
        'action',
        h('select', { name: 'action' }, options(Object.keys(AGENDA_FIELDS), 'agenda')),
      ),
      field('itemId', h('select', { name: 'itemId' })),
      field('id', h('input', { name: 'id', size: 14, placeholder: 'coffee-break' })),
      field('kind', h('select', { name: 'kind' }, options(AGENDA_KINDS, 'agendaKind'))),
      field('start', h('input', { name: 'start', type: 'time' })),
      field('end', h('input', { name: 'end', type: 'time' })),
      field('title', h('input', { name: 'title', size: 28, dir: 'auto' })),
      h('button', { type: 'submit', dataset: { i18n: 'agenda.submit' } }, t('agenda.submit')),
    );
    const showFields = () => {
      const wanted = AGENDA_FIELDS[form.elements.action.value];
      for (const label of form.querySelectorAll('label[data-field]'))
        label.hidden = label.dataset.field !== 'action' && !wanted.includes(label.dataset.field);
    };
    // Choosing an item fills in what it is now, ready to change.
    const fillFromItem = () => {
      const item = status.agenda.find((known) => known.id === form.elements.itemId.value);
      if (!item) return;
      form.elements.start.value = item.start;
      form.elements.end.value = item.end;
      form.elements.title.value = pick(item.title);
    };
    form.elements.action.addEventListener('change', () => {
      showFields();
      if (form.elements.action.value !== 'add') fillFromItem();
    });
    form.elements.itemId.addEventListener('change', fillFromItem);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void submitAgendaEdit(form);
    });
    showFields();
  }

  function updateAgendaForm() {
    const form = document.getElementById('agenda-form');
    const editable =
      role === 'coordinator' &&
      status.phase !== 'cancelled' &&
      PHASES.indexOf(status.phase) < PHASES.indexOf('in-progress');
    form.hidden = !editable;
    if (!editable) return;
    if (!form.elements.action) buildAgendaForm();
    const select = form.elements.itemId;
    const chosen = select.value;
    select.replaceChildren(
      ...status.agenda.map((item) =>
        h('option', { value: item.id }, `${item.start} ${pick(item.title) || item.id}`),
      ),
    );
    if (status.agenda.some((item) => item.id === chosen)) select.value = chosen;
  }

  async function submitAgendaEdit(form) {
    const value = (name) => form.elements[name].value.trim();
    const action = value('action');
    const title = value('title') ? { [window.i18n.language]: value('title') } : undefined;
    const body = { action, basedOnRevision: status.agendaRevision || 0 };
    if (action !== 'add') body.itemId = value('itemId');
    if (action === 'move')
      Object.assign(body, { start: value('start'), end: value('end') || undefined });
    if (action === 'edit') body.title = title;
    if (action === 'add')
      body.item = {
        id: value('id'),
        kind: value('kind'),
        title,
        start: value('start'),
        end: value('end'),
      };
    const message = document.getElementById('agenda-message');
    try {
      const view = await api(`/api/events/${encodeURIComponent(eventId)}/agenda`, {
        method: 'POST',
        // The dashboard's session cookie acts only with this header, which no other site can send.
        headers: { 'content-type': 'application/json', 'x-multaqa-dashboard': '1' },
        body: JSON.stringify(body),
      });
      // The read model may lag a moment behind: show the agenda the workflow holds now.
      status = await api(`/api/events/${encodeURIComponent(eventId)}?live=true`);
      render();
      message.dataset.state = 'saved';
      message.textContent = t('agenda.saved', { revision: view.agendaRevision });
    } catch (error) {
      const problems = (error.body && error.body.problems) || [];
      message.dataset.state = 'refused';
      message.textContent = `${t('agenda.refused')} ${
        problems.length > 0
          ? problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')
          : error.message
      }`;
    }
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
    renderAgenda();
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
    role = (await api('/api/session').catch(() => ({}))).role;
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
