'use strict';
/*
 * The messages kept by the embedded SMTP server: a list filtered by the search box, and the
 * open message beside it (below it on a phone). Rows are reached with Tab, moved through with
 * the arrow keys, Home and End, and opened with Enter or Space.
 */
(function () {
  const { t } = window.i18n;
  const { h, api, withSession, formatDate } = window.dashboard;
  let messages = [];
  let total = 0;
  let enabled = true;
  let selected;
  const search = () => document.getElementById('outbox-search');

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
        h(
          'p',
          { class: 'muted' },
          h('bdi', {}, message.from),
          ' → ',
          h('bdi', {}, message.to),
          ` · ${formatDate(message.date)}`,
        ),
        frame,
      );
  }

  /** The messages whose recipient, sender, subject or purpose holds every word searched. */
  function matching() {
    const words = search().value.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return messages;
    return messages.filter((message) => {
      const haystack = [message.to, message.from, message.subject, message.purpose]
        .filter(Boolean)
        .join(' ')
        .toLocaleLowerCase();
      return words.every((word) => haystack.includes(word));
    });
  }

  /** Moves focus within the list: arrows, Home and End; Enter or Space opens. */
  function onRowKey(event, row) {
    const rows = [...row.parentElement.children];
    const at = rows.indexOf(row);
    const go = (index) => rows[Math.max(0, Math.min(rows.length - 1, index))]?.focus();
    switch (event.key) {
      case 'Enter':
      case ' ':
        event.preventDefault();
        void show(row.dataset.file);
        break;
      case 'ArrowDown':
        event.preventDefault();
        go(at + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        go(at - 1);
        break;
      case 'Home':
        event.preventDefault();
        go(0);
        break;
      case 'End':
        event.preventDefault();
        go(rows.length - 1);
        break;
    }
  }

  function renderNote(shown) {
    document.getElementById('outbox-note').textContent = !enabled
      ? t('outbox.disabled')
      : shown === total
        ? t('outbox.count', { n: total })
        : t('outbox.shown', { shown, total });
  }

  function renderList() {
    const container = document.getElementById('messages');
    // A refresh must not take the focus away from the row being read.
    const focused = container.contains(document.activeElement)
      ? document.activeElement.dataset.file
      : undefined;
    const shown = matching();
    renderNote(shown.length);
    if (shown.length === 0 && messages.length > 0) {
      container.replaceChildren(h('p', { class: 'muted' }, t('outbox.none')));
      return;
    }
    const rows = shown.map((message) => {
      const row = h(
        'tr',
        {
          tabindex: '0',
          'aria-current': message.file === selected ? 'true' : undefined,
          'aria-describedby': 'outbox-open-help',
          dataset: { file: message.file },
        },
        h('td', {}, formatDate(message.date)),
        h('td', { dir: 'auto', title: message.to }, message.to),
        h('td', { dir: 'auto', title: message.subject }, message.subject),
        h('td', {}, message.purpose || ''),
      );
      row.addEventListener('click', () => void show(message.file));
      row.addEventListener('keydown', (event) => onRowKey(event, row));
      return row;
    });
    container.replaceChildren(
      h('p', { id: 'outbox-open-help', hidden: true }, t('outbox.open')),
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['col.date', 'col.to', 'col.subject', 'col.purpose'].map((key) =>
              h('th', { scope: 'col' }, t(key)),
            ),
          ),
        ),
        h('tbody', {}, rows),
      ),
    );
    if (focused)
      container.querySelector(`[data-file="${CSS.escape(focused)}"]`)?.focus({
        preventScroll: true,
      });
  }

  async function start() {
    const outbox = await api('/api/outbox');
    enabled = outbox.enabled;
    total = outbox.total;
    messages = outbox.messages;
    renderList();
  }

  window.i18n.apply();
  window.i18n.onChange(() => {
    renderList();
  });
  search().addEventListener('input', () => renderList());
  void withSession(start);
  setInterval(() => void start().catch(() => undefined), 10_000);
})();
