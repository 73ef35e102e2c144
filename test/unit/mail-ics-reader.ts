/** One content line of an iCalendar file: name, parameters, value (unescaped for text). */
export interface CalendarProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

export interface CalendarComponent {
  name: string;
  properties: CalendarProperty[];
  components: CalendarComponent[];
  /** The first property of that name, its value. */
  get(name: string): string | undefined;
  param(name: string, param: string): string | undefined;
}

/**
 * A strict little RFC 5545 reader for tests: refuses bare LF, lines over 75 octets, unbalanced
 * BEGIN/END and malformed content lines, so a calendar file that passes it is well formed.
 */
export function readCalendar(text: string): CalendarComponent {
  if (!text.endsWith('\r\n')) throw new Error('calendar must end with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    if (line.includes('\n') || line.includes('\r')) throw new Error('bare line break in calendar');
    if (Buffer.byteLength(line, 'utf8') > 75)
      throw new Error(`line longer than 75 octets: ${line}`);
  }
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (logical.length === 0) throw new Error('continuation line first');
      logical[logical.length - 1] += line.slice(1);
    } else logical.push(line);
  }
  const stack: CalendarComponent[] = [];
  let root: CalendarComponent | undefined;
  for (const line of logical) {
    const property = parseLine(line);
    if (property.name === 'BEGIN') {
      const component = makeComponent(property.value);
      stack.at(-1)?.components.push(component);
      stack.push(component);
      root ??= component;
    } else if (property.name === 'END') {
      const open = stack.pop();
      if (!open || open.name !== property.value)
        throw new Error(`END:${property.value} does not close ${open?.name}`);
    } else {
      const open = stack.at(-1);
      if (!open) throw new Error(`property outside a component: ${line}`);
      open.properties.push(property);
    }
  }
  if (stack.length > 0 || !root) throw new Error('unclosed component');
  return root;
}

function makeComponent(name: string): CalendarComponent {
  const component: CalendarComponent = {
    name,
    properties: [],
    components: [],
    get: (property) => component.properties.find((candidate) => candidate.name === property)?.value,
    param: (property, param) =>
      component.properties.find((candidate) => candidate.name === property)?.params[param],
  };
  return component;
}

function parseLine(line: string): CalendarProperty {
  // name *(";" param) ":" value, where param values may be quoted and hold ":" or ";".
  const match =
    /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)$/.exec(
      line,
    );
  if (!match) throw new Error(`malformed content line: ${line}`);
  const [, name = '', paramText = '', rawValue = ''] = match;
  const params: Record<string, string> = {};
  for (const param of paramText.matchAll(/;([A-Za-z0-9-]+)=("[^"]*"|[^";:]*)/g)) {
    params[(param[1] ?? '').toUpperCase()] = (param[2] ?? '').replace(/^"|"$/g, '');
  }
  const value = rawValue.replace(/\\([\\;,nN])/g, (_all, escaped: string) =>
    escaped === 'n' || escaped === 'N' ? '\n' : escaped,
  );
  return { name: name.toUpperCase(), params, value };
}

/** The first VEVENT of a calendar. */
export function calendarEvent(calendar: CalendarComponent): CalendarComponent {
  const event = calendar.components.find((component) => component.name === 'VEVENT');
  if (!event) throw new Error('no VEVENT');
  return event;
}
