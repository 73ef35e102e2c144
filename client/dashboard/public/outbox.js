'use strict';
/* The messages kept by the embedded SMTP server. */
(function () {
  const { t } = window.i18n;
  const { h, api, withSession, formatDate } = window.dashboard;
  let messages = [];
  let selected;

  async function show(file) {
    selected = file;
    renderList();
    const message = await api(`/api/outbox/${encodeURIComponent(file)}`);
    const frame = h('iframe', { sandbox: '', title: message.subject });
    frame.srcdoc =
      message.html ||
      `<pre>${message.text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c])}</pre>`;
    document
      .getElementById('message')
      .replaceChildren(
        h('h2', { dir: 'auto' }, message.subject),
        h('p', { class: 'muted' }, `${message.from} → ${message.to} · ${formatDate(message.date)}`),
        frame,
      );
  }

  function renderList() {
    const rows = messages.map((message) => {
      const row = h(
        'tr',
        { 'aria-selected': String(message.file === selected), tabindex: '0' },
        h('td', {}, formatDate(message.date)),
        h('td', { dir: 'auto', title: message.to }, message.to),
        h('td', { dir: 'auto', title: message.subject }, message.subject),
        h('td', {}, message.purpose || ''),
      );
      row.addEventListener('click', () => void show(message.file));
      return row;
    });
    document.getElementById('messages').replaceChildren(
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['col.date', 'col.to', 'col.subject', 'col.purpose'].map((key) => h('th', {}, t(key))),
          ),
        ),
        h('tbody', {}, rows),
      ),
    );
  }

  async function start() {
    const outbox = await api('/api/outbox');
    document.getElementById('outbox-note').textContent = outbox.enabled
      ? t('outbox.count', { n: outbox.total })
      : t('outbox.disabled');
    messages = outbox.messages;
    renderList();
  }

  window.i18n.apply();
  window.i18n.onChange(() => {
    renderList();
  });
  void withSession(start);
  setInterval(() => void start().catch(() => undefined), 10_000);
})();
