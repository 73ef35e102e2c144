import { renderMessage } from '../../mail/render-message';
import { renderTrainingDayReportHtml } from '../../client/report/render-report';
import { buildTrainingDayReport } from '../../domain/report';
import {
  SEND_TIME,
  TEST_BASE_URL,
  TEST_SECRET,
  associationIn,
  seedEventBrief,
} from './mail-fixtures';
import { networkingView, seedStatus, survey } from './report-fixtures';

// Issue 9, point 6: an Arabic reader sees the programme's hours the same way in the report
// as in the emails: each range isolated, so "15:00–15:20" never reads "15:20–15:00".

/** The programme's time ranges as an HTML page isolates them, in order. */
function isolatedRanges(html: string): string[] {
  return [...html.matchAll(/<bdi>(\d\d:\d\d\u2013\d\d:\d\d)<\/bdi>/g)].map((match) => match[1]!);
}

describe('Arabic time ranges', () => {
  it('read the same way in the report as in the invitation email', async () => {
    const email = await renderMessage(
      {
        purpose: 'association-invitation',
        event: seedEventBrief(),
        recipient: associationIn('ar'),
        revision: 0,
      },
      { linkSecret: TEST_SECRET, baseUrl: TEST_BASE_URL, now: SEND_TIME },
    );
    const report = renderTrainingDayReportHtml(
      buildTrainingDayReport({
        status: seedStatus(),
        followUps: { 'networking-visits': networkingView() },
        survey,
        brief: networkingView().event,
        generatedAt: '2019-03-01T10:00:00.000Z',
      }),
      'ar',
    );
    // The email also gives the day's hours (15:00–18:30) among its facts; the rest is the programme.
    const inEmail = isolatedRanges(email.html).filter((range) => range !== '15:00\u201318:30');
    expect(inEmail).toContain('15:00\u201315:20');
    expect(isolatedRanges(report)).toEqual(inEmail);
  });
});
