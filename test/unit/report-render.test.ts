import {
  escapeHtml,
  renderProgrammeReportHtml,
  renderTrainingDayReportHtml,
} from '../../client/report/render-report';
import { buildProgrammeReport, buildTrainingDayReport } from '../../domain/report';
import { networkingView, seedStatus, statusWithDeclinedPartner, survey } from './report-fixtures';

const report = buildTrainingDayReport({
  status: seedStatus(),
  followUps: { 'networking-visits': networkingView() },
  survey,
  brief: networkingView().event,
  generatedAt: '2019-03-01T10:00:00.000Z',
});

/** The text of the page without tags, to read what a person sees. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('the printable training day report', () => {
  it('is an Arabic page written right to left', () => {
    const html = renderTrainingDayReportHtml(report, 'ar');
    expect(html).toMatch(/^<!doctype html>\s*<html lang="ar" dir="rtl">/);
    expect(html).toContain('تقرير اليوم التكويني');
    expect(html).toContain('آليات دعم ومواكبة الجمعيات والتمثيليات المهنية');
    expect(html).toContain('التوصيات وتتبعها');
    // Arabic text of a recommendation is chosen when the recommendation has it.
    expect(html).toContain('تشبيك الجمعيات المهنية');
  });

  it('is a French or English page written left to right', () => {
    const fr = renderTrainingDayReportHtml(report, 'fr');
    expect(fr).toMatch(/<html lang="fr" dir="ltr">/);
    expect(visibleText(fr)).toContain('Rapport de la journée de formation');
    expect(visibleText(fr)).toContain('Par province');
    expect(visibleText(fr)).toMatch(/vendredi 23 novembre 2018 à 15:00/);
    const en = renderTrainingDayReportHtml(report, 'en');
    expect(en).toMatch(/<html lang="en" dir="ltr">/);
    expect(visibleText(en)).toMatch(/Friday,? 23 November 2018 at 15:00/);
  });

  it('shows participation by province and sector, agenda, speakers, survey and follow-ups', () => {
    const text = visibleText(renderTrainingDayReportHtml(report, 'en'));
    expect(text).toContain('By province');
    expect(text).toMatch(/Safi 0 0 17/);
    expect(text).toMatch(/Crafts 0 0 9/);
    expect(text).toContain('Roles of professional associations under the new laws');
    expect(text).toContain('Pr. Hassan Alaoui');
    expect(text).toMatch(/Responses 13/);
    expect(text).toMatch(/Average rating \(of 5\) 4\.4/);
    expect(text).toMatch(/Response rate 50%/);
    expect(text).toContain('Overdue');
    expect(text).toContain('Association des artisans potiers de Safi');
    expect(text).toContain('Colline des potiers, Safi');
    expect(text).toContain('Second day planned for March');
  });

  it('shows each partner’s final status, what is to reassign and the slot left without its speaker (issue 9)', () => {
    const declined = buildTrainingDayReport({
      status: statusWithDeclinedPartner(),
      followUps: {},
      generatedAt: '2019-03-01T10:00:00.000Z',
    });
    const text = visibleText(renderTrainingDayReportHtml(declined, 'en'));
    expect(text).toMatch(
      /Partners Partner Status To reassign .*Declined Speaker, Outreach .*Confirmed —/,
    );
    expect(text).toContain('Partner’s note: Notre coordinateur est en mission');
    expect(text).toContain(
      'Mme Leila Bennani The partner that was to provide this speaker declined: ',
    );
  });

  it('escapes every text that came from people', () => {
    const html = renderTrainingDayReportHtml(report, 'fr');
    expect(html).not.toContain('<glazes>');
    expect(html).toContain('Kilns, &lt;glazes&gt; &amp; a shared stand');
    expect(html).toContain('Très utile &lt;merci&gt;');
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
  });

  it('prints on A4 with no scripts', () => {
    const html = renderTrainingDayReportHtml(report, 'fr');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script/i);
  });

  it('says so when no one has answered the survey yet', () => {
    const withoutSurvey = buildTrainingDayReport({
      status: seedStatus(),
      followUps: {},
      generatedAt: '2019-03-01T10:00:00.000Z',
    });
    expect(visibleText(renderTrainingDayReportHtml(withoutSurvey, 'en'))).toContain(
      'No responses yet',
    );
  });
});

describe('the printable programme view', () => {
  it('lists the days and what they reached, in the chosen language', () => {
    const programme = buildProgrammeReport(
      [{ status: seedStatus(), attendedAssociationIds: ['a', 'b', 'c'] }],
      '2019-03-01T10:00:00.000Z',
    );
    const ar = renderProgrammeReportHtml(programme, 'ar');
    expect(ar).toMatch(/<html lang="ar" dir="rtl">/);
    expect(ar).toContain('الجمعيات المستفيدة');
    const en = visibleText(renderProgrammeReportHtml(programme, 'en'));
    expect(en).toMatch(/1 Days held/);
    expect(en).toMatch(/3 Associations reached/);
    expect(en).toMatch(/1 Recommendations closed/);
    expect(en).toContain('safi-2018-11-23');
  });
});
