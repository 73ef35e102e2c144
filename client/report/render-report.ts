import { pickText, type Language, type LocalizedText } from '../../domain/common';
import type {
  ProgrammeReport,
  ReportRecommendation,
  SegmentRow,
  TrainingDayReport,
} from '../../domain/report';
import { label, valueLabel, type ReportLabel } from './report-labels';

const LOCALES: Record<Language, string> = { ar: 'ar-MA', fr: 'fr-MA', en: 'en-GB' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Text written by people (names, titles, comments) in whatever language they wrote it, isolated
 * so Arabic in a French page, or French in an Arabic one, keeps its own direction.
 */
export function userText(text: string): string {
  return `<bdi>${escapeHtml(text)}</bdi>`;
}

/**
 * "15:00–15:20" isolated as the emails isolate it: in an Arabic page, an unisolated range of
 * digits and a dash reads backwards ("15:20–15:00").
 */
function timeRange(start: string, end: string): string {
  return `<bdi>${escapeHtml(`${start}\u2013${end}`)}</bdi>`;
}

interface Renderer {
  language: Language;
  t(key: ReportLabel): string;
  v(value: string): string;
  text(value: LocalizedText): string;
  number(value: number): string;
  percent(value: number): string;
  dateTime(instant: string, timeZone: string): string;
  date(instant: string, timeZone: string): string;
}

function renderer(language: Language): Renderer {
  const locale = LOCALES[language];
  const numbers = new Intl.NumberFormat(locale);
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return {
    language,
    t: (key) => escapeHtml(label(key, language)),
    v: (value) => escapeHtml(valueLabel(value, language)),
    text: (value) => userText(pickText(value, language)),
    number: (value) => numbers.format(value),
    percent: (value) => percents.format(value),
    dateTime: (instant, timeZone) =>
      escapeHtml(
        new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(
          new Date(instant),
        ),
      ),
    date: (instant, timeZone) =>
      escapeHtml(
        new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(new Date(instant)),
      ),
  };
}

const STYLES = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 11pt/1.45 "Noto Sans", "Segoe UI", Tahoma, Arial, sans-serif; color: #1b1b1b; background: #fff; }
html[lang="ar"] body { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", Tahoma, serif; font-size: 12pt; }
main { max-width: 190mm; margin: 0 auto; padding: 12mm 8mm; }
header { border-block-end: 2px solid #0b5d3b; padding-block-end: 4mm; margin-block-end: 6mm; }
h1 { font-size: 18pt; margin: 0 0 2mm; color: #0b5d3b; }
h2 { font-size: 13.5pt; margin: 7mm 0 2mm; color: #0b5d3b; border-block-end: 1px solid #cfd8d3; padding-block-end: 1mm; }
h3 { font-size: 11.5pt; margin: 4mm 0 1mm; }
p { margin: 1mm 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; page-break-inside: auto; }
th, td { border: 1px solid #cfd8d3; padding: 1.2mm 2mm; text-align: start; vertical-align: top; }
thead th { background: #eef4f0; }
td.number, th.number { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot td { font-weight: 600; background: #f7faf8; }
tr { break-inside: avoid; page-break-inside: avoid; }
.totals { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2mm; margin: 2mm 0 4mm; }
.totals div { border: 1px solid #cfd8d3; border-radius: 2mm; padding: 2mm; }
.totals strong { display: block; font-size: 15pt; }
.status { display: inline-block; padding: 0 2mm; border-radius: 2mm; background: #eef4f0; white-space: nowrap; }
.status-overdue { background: #fde8e4; color: #8a1c0b; }
.status-done, .status-reported { background: #e2f3e8; color: #0b5d3b; }
.status-dropped, .status-cancelled { background: #eee; color: #555; }
.muted { color: #5c6660; }
blockquote { margin: 1mm 0; padding-inline-start: 3mm; border-inline-start: 2px solid #cfd8d3; }
section { break-inside: auto; }
.recommendation { break-inside: avoid; page-break-inside: avoid; border: 1px solid #cfd8d3; border-radius: 2mm; padding: 2mm 3mm; margin: 2mm 0; }
footer { margin-block-start: 8mm; font-size: 9pt; color: #5c6660; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

function page(language: Language, title: string, body: string): string {
  const direction = language === 'ar' ? 'rtl' : 'ltr';
  return `<!doctype html>
<html lang="${language}" dir="${direction}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLES}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function statusBadge(r: Renderer, status: string): string {
  return `<span class="status status-${escapeHtml(status)}">${r.v(status)}</span>`;
}

/** A section heading and a table of already rendered cells; nothing when there are no rows. */
function titledTable(r: Renderer, heading: ReportLabel, columns: ReportLabel[], rows: string[][]) {
  if (rows.length === 0) return '';
  return `<h2>${r.t(heading)}</h2>
<table>
<thead><tr>${columns.map((column) => `<th>${r.t(column)}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((cells) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n')}
</tbody>
</table>`;
}

function segmentTable(r: Renderer, heading: ReportLabel, column: ReportLabel, rows: SegmentRow[]) {
  if (rows.length === 0) return '';
  const sum = (key: 'invited' | 'accepted' | 'attended') =>
    rows.reduce((total, row) => total + row[key], 0);
  return `<h3>${r.t(heading)}</h3>
<table>
<thead><tr><th>${r.t(column)}</th><th class="number">${r.t('invited')}</th><th class="number">${r.t('accepted')}</th><th class="number">${r.t('attended')}</th></tr></thead>
<tbody>
${rows
  .map(
    (row) =>
      `<tr><td>${r.v(row.segment)}</td><td class="number">${r.number(row.invited)}</td><td class="number">${r.number(row.accepted)}</td><td class="number">${r.number(row.attended)}</td></tr>`,
  )
  .join('\n')}
</tbody>
<tfoot><tr><td>${r.t('total')}</td><td class="number">${r.number(sum('invited'))}</td><td class="number">${r.number(sum('accepted'))}</td><td class="number">${r.number(sum('attended'))}</td></tr></tfoot>
</table>`;
}

function recommendationBlock(
  r: Renderer,
  recommendation: ReportRecommendation,
  index: number,
  timeZone: string,
): string {
  const facts: Array<[ReportLabel, string]> = [
    ['kind', r.v(recommendation.kind)],
    ['owner', r.text(recommendation.owner)],
    ['status', statusBadge(r, recommendation.status)],
  ];
  if (recommendation.dueAt) facts.push(['due', r.date(recommendation.dueAt, timeZone)]);
  if (recommendation.outcome) facts.push(['outcome', userText(recommendation.outcome)]);
  if (recommendation.escalationsSent > 0)
    facts.push(['escalations', r.number(recommendation.escalationsSent)]);
  if (recommendation.kind === 'coordination' || recommendation.digestsSent > 0)
    facts.push(['digestsSent', r.number(recommendation.digestsSent)]);
  if (recommendation.nextEventIds.length > 0)
    facts.push(['nextDays', recommendation.nextEventIds.map(escapeHtml).join(', ')]);
  const visits =
    recommendation.visits.length === 0
      ? ''
      : `<table>
<thead><tr><th>${r.t('host')}</th><th>${r.t('visitors')}</th><th>${r.t('date')}</th><th>${r.t('status')}</th><th>${r.t('visitReport')}</th></tr></thead>
<tbody>
${recommendation.visits
  .map(
    (visit) =>
      `<tr><td>${userText(visit.hostName)} <span class="muted">(${r.v(visit.sector)})</span></td><td>${visit.visitorNames.map(userText).join('<br>')}</td><td>${visit.startsAt ? `${r.dateTime(visit.startsAt, timeZone)}${visit.place ? `<br><span class="muted">${userText(visit.place)}</span>` : ''}` : r.t('none')}</td><td>${statusBadge(r, visit.status)}</td><td>${visit.reportSummary ? userText(visit.reportSummary) : r.t('none')}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table>`;
  return `<div class="recommendation">
<h3>${r.number(index + 1)}. ${r.text(recommendation.text)}</h3>
<dl class="facts">
${facts.map(([key, value]) => `<dt>${r.t(key)}</dt><dd>${value}</dd>`).join('\n')}
</dl>
${visits}
</div>`;
}

/**
 * A training day's report as a printable HTML page in `language` (Arabic right to left), every
 * value escaped. Self-contained: inline styles, A4 print rules, no scripts.
 */
export function renderTrainingDayReportHtml(report: TrainingDayReport, language: Language): string {
  const r = renderer(language);
  const zone = report.timeZone;
  const facts: Array<[ReportLabel, string]> = [['date', r.dateTime(report.startsAt, zone)]];
  if (report.venue) {
    const name = pickText(report.venue.name, language);
    const place = name.includes(report.venue.city) ? name : `${name}, ${report.venue.city}`;
    facts.push(['venue', userText(place)]);
  }
  if (report.organiser) facts.push(['organiser', r.text(report.organiser)]);
  if (report.theme) facts.push(['theme', r.text(report.theme)]);
  facts.push(['phase', statusBadge(r, report.phase)]);
  if (report.previousEventId) facts.push(['previousDay', escapeHtml(report.previousEventId)]);
  if (report.nextEventIds.length > 0)
    facts.push(['nextDays', report.nextEventIds.map(escapeHtml).join(', ')]);

  const totals: Array<[ReportLabel, number]> = [
    ['invited', report.totals.invited],
    ['accepted', report.totals.accepted],
    ['attended', report.totals.attended],
    ['attendees', report.totals.attendees],
  ];

  const agenda = `<table>
<thead><tr><th>${r.t('time')}</th><th>${r.t('item')}</th><th>${r.t('speaker')}</th></tr></thead>
<tbody>
${report.agenda
  .map(
    (item) =>
      `<tr><td class="number">${timeRange(item.start, item.end)}</td><td>${r.text(item.title)}</td><td>${item.speakerName ? `${userText(item.speakerName)}${item.speakerStatus && item.speakerStatus !== 'confirmed' ? ` ${statusBadge(r, item.speakerStatus)}` : ''}` : ''}${item.partnerDeclined ? `<br><span class="status status-declined">${r.t('partnerDeclined')}: ${r.text(item.partnerDeclined)}</span>` : ''}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table>`;

  const partners = titledTable(
    r,
    'partners',
    ['partner', 'status', 'toReassign'],
    report.partners.map((partner) => [
      `${r.text(partner.name)}${partner.note ? `<br><span class="muted">${r.t('partnerNote')}: ${userText(partner.note)}</span>` : ''}`,
      statusBadge(r, partner.status),
      partner.toReassign.length > 0
        ? partner.toReassign.map((contribution) => r.v(contribution)).join(', ')
        : r.t('none'),
    ]),
  );

  const speakers = titledTable(
    r,
    'speakers',
    ['speaker', 'talk', 'status'],
    report.speakers.map((speaker) => [
      userText(speaker.name),
      r.text(speaker.talk),
      statusBadge(r, speaker.status),
    ]),
  );

  const survey = report.survey;
  const surveySection =
    !survey || survey.responses === 0
      ? `<p class="muted">${r.t('noSurvey')}</p>`
      : `<dl class="facts">
<dt>${r.t('responses')}</dt><dd>${r.number(survey.responses)}</dd>
<dt>${r.t('averageRating')}</dt><dd>${survey.averageRating === null ? r.t('none') : r.number(Math.round(survey.averageRating * 10) / 10)}</dd>
${survey.responseRate === null ? '' : `<dt>${r.t('responseRate')}</dt><dd>${r.percent(survey.responseRate)}</dd>`}
</dl>
<table>
<thead><tr><th>${r.t('ratings')}</th>${(['1', '2', '3', '4', '5'] as const).map((score) => `<th class="number">${r.number(Number(score))}</th>`).join('')}</tr></thead>
<tbody><tr><td>${r.t('responses')}</td>${(['1', '2', '3', '4', '5'] as const).map((score) => `<td class="number">${r.number(survey.ratings[score])}</td>`).join('')}</tr></tbody>
</table>
${
  survey.comments.length === 0
    ? ''
    : `<h3>${r.t('comments')}</h3>
${survey.comments.map((comment) => `<blockquote>${userText(comment.comments)} <span class="muted">(${r.number(comment.rating)}/${r.number(5)})</span></blockquote>`).join('\n')}`
}`;

  const recommendations =
    report.recommendations.length === 0
      ? `<p class="muted">${r.t('noRecommendations')}</p>`
      : report.recommendations
          .map((recommendation, index) => recommendationBlock(r, recommendation, index, zone))
          .join('\n');

  const title = `${r.t('reportTitle')} — ${r.text(report.title)}`;
  const body = `<header>
<p class="muted">${r.t('reportTitle')}</p>
<h1>${r.text(report.title)}</h1>
<dl class="facts">
${facts.map(([key, value]) => `<dt>${r.t(key)}</dt><dd>${value}</dd>`).join('\n')}
</dl>
</header>
<section>
<h2>${r.t('participation')}</h2>
<div class="totals">
${totals.map(([key, value]) => `<div><strong>${r.number(value)}</strong>${r.t(key)}</div>`).join('\n')}
</div>
<p class="muted">${r.t('declined')}: ${r.number(report.totals.declined)} · ${r.t('waitlisted')}: ${r.number(report.totals.waitlisted)} · ${r.t('undeliverable')}: ${r.number(report.totals.undeliverable)} · ${r.t('walkIns')}: ${r.number(report.totals.walkIns)}</p>
${segmentTable(r, 'byProvince', 'province', report.byProvince)}
${segmentTable(r, 'bySector', 'sector', report.bySector)}
</section>
<section>
<h2>${r.t('agenda')}</h2>
${agenda}
</section>
${partners}
${speakers}
<section>
<h2>${r.t('survey')}</h2>
${surveySection}
</section>
<section>
<h2>${r.t('recommendations')}</h2>
${recommendations}
</section>
<footer>${r.t('generatedAt')} ${r.dateTime(report.generatedAt, zone)} · ${escapeHtml(report.eventId)}</footer>`;
  return page(language, title, body);
}

/** The programme view (every training day and what they reached) as a printable HTML page. */
export function renderProgrammeReportHtml(
  report: ProgrammeReport,
  language: Language,
  timeZone = 'Africa/Casablanca',
): string {
  const r = renderer(language);
  const totals: Array<[ReportLabel, number]> = [
    ['daysHeld', report.totals.daysHeld],
    ['associationsReached', report.totals.associationsReached],
    ['recommendationsTotal', report.totals.recommendations],
    ['recommendationsClosed', report.totals.recommendationsClosed],
  ];
  const body = `<header>
<h1>${r.t('programmeTitle')}</h1>
<p class="muted">${r.t('daysPlanned')}: ${r.number(report.totals.daysPlanned)} · ${r.t('attendees')}: ${r.number(report.totals.attendees)}</p>
</header>
<div class="totals">
${totals.map(([key, value]) => `<div><strong>${r.number(value)}</strong>${r.t(key)}</div>`).join('\n')}
</div>
<table>
<thead><tr><th>${r.t('date')}</th><th>${r.t('trainingDay')}</th><th>${r.t('phase')}</th><th class="number">${r.t('invited')}</th><th class="number">${r.t('attended')}</th><th class="number">${r.t('recommendationsTotal')}</th><th class="number">${r.t('recommendationsClosed')}</th></tr></thead>
<tbody>
${report.days
  .map(
    (day) =>
      `<tr><td class="number">${r.date(day.startsAt, timeZone)}</td><td>${r.text(day.title)}<br><span class="muted">${escapeHtml(day.eventId)}${day.previousEventId ? ` ← ${escapeHtml(day.previousEventId)}` : ''}</span></td><td>${statusBadge(r, day.phase)}</td><td class="number">${r.number(day.invited)}</td><td class="number">${r.number(day.attended)}</td><td class="number">${r.number(day.recommendations)}</td><td class="number">${r.number(day.recommendationsClosed)}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table>
<footer>${r.t('generatedAt')} ${r.dateTime(report.generatedAt, timeZone)}</footer>`;
  return page(language, r.t('programmeTitle'), body);
}
