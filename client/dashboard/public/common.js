'use strict';
/* Shared by the dashboard pages: API calls, sign-in, live stream, formatting. */
(function () {
  const { t } = window.i18n;

  /** Element helper: h('td', { class: 'x' }, 'text', child). */
  function h(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'dataset') Object.assign(element.dataset, value);
      else element.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null) continue;
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  }

  class Unauthorized extends Error {}

  async function api(path, options) {
    const response = await fetch(path, { credentials: 'same-origin', ...options });
    if (response.status === 401) throw new Unauthorized('unauthorized');
    const body = await response.json().catch(() => ({}));
    if (!response.ok)
      throw Object.assign(new Error(body.message || response.statusText), {
        status: response.status,
        body,
      });
    return body;
  }

  async function signIn(key) {
    await api('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key }),
    });
  }

  function showLogin(onSignedIn) {
    const section = document.getElementById('login');
    const input = h('input', {
      type: 'password',
      name: 'key',
      autocomplete: 'current-password',
      'aria-label': t('login.key'),
    });
    const message = h('p', { class: 'muted' }, t('login.help'));
    const form = h('form', {}, input, h('button', { type: 'submit' }, t('login.submit')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await signIn(input.value.trim());
        section.hidden = true;
        onSignedIn();
      } catch {
        message.textContent = t('login.failed');
      }
    });
    section.className = 'login';
    section.replaceChildren(h('h2', {}, t('login.title')), message, form);
    section.hidden = false;
  }

  /**
   * Runs `start` once signed in. A key in the address fragment (#key=...) signs in and is
   * removed from the address; the fragment never reaches the server's logs.
   */
  async function withSession(start) {
    const match = /(?:^#|&)key=([^&]+)/.exec(location.hash);
    if (match) {
      history.replaceState(null, '', location.pathname + location.search);
      await signIn(decodeURIComponent(match[1])).catch(() => undefined);
    }
    try {
      await start();
    } catch (error) {
      if (error instanceof Unauthorized) showLogin(() => withSession(start));
      else throw error;
    }
  }

  /** Follows the server-sent events at `path`; shows the live indicator. */
  function stream(path, handlers) {
    const live = document.getElementById('live');
    const setLive = (on) => {
      live.dataset.state = on ? 'on' : 'off';
      live.dataset.i18n = on ? 'live.on' : 'live.off';
      live.textContent = t(live.dataset.i18n);
    };
    const source = new EventSource(path);
    source.addEventListener('ready', () => setLive(true));
    source.addEventListener('error', () => setLive(false));
    for (const [name, handler] of Object.entries(handlers))
      source.addEventListener(name, (event) => handler(JSON.parse(event.data)));
    return source;
  }

  /**
   * A date (and time) for display. `local` is the wall-clock time the server computed in the
   * event's zone (yyyy-MM-ddTHH:mm): preferred, since browsers' time-zone data may be old.
   */
  function formatDate(instant, timeZone, withTime = true, local) {
    if (!instant && !local) return '';
    const options = { year: 'numeric', month: 'short', day: 'numeric' };
    if (withTime) Object.assign(options, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    if (local)
      return new Intl.DateTimeFormat(window.i18n.locale(), { ...options, timeZone: 'UTC' }).format(
        new Date(`${local}:00Z`),
      );
    return new Intl.DateTimeFormat(window.i18n.locale(), { ...options, timeZone }).format(
      new Date(instant),
    );
  }

  function badge(status, text) {
    return h(
      'span',
      { class: 'badge', dataset: { status } },
      text || t(`status.${status}`, { fallback: status }),
    );
  }

  let scrollLabels = 0;

  /**
   * A table in a box that scrolls sideways on its own when the table is wider than the screen.
   * The box is focusable (arrow keys scroll it) and named by the heading it comes under.
   */
  function scrollBox(content) {
    const box = h('div', { class: 'table-scroll', tabindex: '0', role: 'group' }, content);
    requestAnimationFrame(() => {
      let heading;
      for (let node = box; node && !heading; node = node.parentElement)
        for (let before = node.previousElementSibling; before && !heading;) {
          if (/^H[1-6]$/.test(before.tagName)) heading = before;
          before = before.previousElementSibling;
        }
      if (!heading) return;
      heading.id ||= `section-heading-${++scrollLabels}`;
      box.setAttribute('aria-labelledby', heading.id);
    });
    return box;
  }

  function table(head, rows) {
    if (rows.length === 0) return h('p', { class: 'muted' }, t('event.none'));
    return scrollBox(
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            head.map((key) => h('th', {}, t(key))),
          ),
        ),
        h(
          'tbody',
          {},
          rows.map((cells) =>
            h(
              'tr',
              {},
              cells.map((cell) => h('td', { dir: 'auto' }, cell)),
            ),
          ),
        ),
      ),
    );
  }

  function flash(element) {
    element.classList.remove('flash');
    void element.offsetWidth;
    element.classList.add('flash');
  }

  window.dashboard = {
    h,
    api,
    withSession,
    stream,
    formatDate,
    badge,
    table,
    scrollBox,
    flash,
    Unauthorized,
  };
  document.addEventListener('DOMContentLoaded', () => window.i18n.apply());
})();
