import type { MessageContent, TemplateContext } from './templates';
import { RLM, escapeHtml, htmlText, safeHref, singleLine, withoutIsolates } from './text-safety';

/** The content id of the check-in QR code image, referenced from the HTML part. */
export const CHECK_IN_QR_CID = 'check-in-qr@multaqa';

export interface LaidOutMessage {
  subject: string;
  text: string;
  html: string;
}

function closingLines(t: TemplateContext): string[] {
  return [
    t.tr({ ar: 'مع أطيب التحيات،', fr: 'Bien cordialement,', en: 'Kind regards,' }),
    t.day.coordinatorName,
    t.day.organiser,
  ];
}

function footerLine(t: TemplateContext): string {
  return t.tr({
    ar: `أُرسلت هذه الرسالة من طرف ${t.day.organiser}. للتواصل مع فريق التنسيق، يكفي الرد عليها.`,
    fr: `Message envoyé par ${t.day.organiser}. Pour joindre la coordination, répondez simplement à ce message.`,
    en: `Sent by ${t.day.organiser}. To reach the coordinator, simply reply to this message.`,
  });
}

/**
 * The plain-text part. Right-to-left lines start with RLM so every client, whatever its bidi
 * support, lays them out right to left; URLs stay on their own unmarked lines, whole and
 * clickable.
 */
function layoutText(content: MessageContent, t: TemplateContext): string {
  const rtl = t.direction === 'rtl';
  const line = (value: string): string => (rtl ? `${RLM}${value}` : value);
  // French sets a (non-breaking) space before a colon.
  const colon = t.language === 'fr' ? '\u00a0:' : ':';
  const blocks: string[][] = [[line(content.greeting)]];
  for (const paragraph of content.paragraphs) blocks.push([line(paragraph)]);
  if (content.facts?.length)
    blocks.push(content.facts.map((fact) => line(`${fact.label}${colon} ${fact.value}`)));
  if (content.quote)
    blocks.push([
      line(`${content.quote.label}${colon}`),
      ...content.quote.lines.map((quoted) => line(`> ${quoted}`)),
    ]);
  for (const section of content.sections ?? [])
    blocks.push([line(`■ ${section.title}`), ...section.lines.map((entry) => line(`  ${entry}`))]);
  if (content.agenda)
    blocks.push([
      line(`${content.agenda.title}${colon}`),
      ...content.agenda.lines.map((item) =>
        line(`${item.highlight ? '▶' : '-'} ${item.time}  ${item.title}`),
      ),
    ]);
  for (const action of content.actions ?? [])
    blocks.push([line(`${action.label}${colon}`), action.url]);
  for (const note of content.afterActions ?? []) blocks.push([line(note)]);
  blocks.push(closingLines(t).map(line));
  blocks.push(['--', line(footerLine(t))]);
  return `${blocks.map((block) => block.join('\n')).join('\n\n')}\n`;
}

const FONT = "font-family:Tahoma,'Segoe UI',Arial,sans-serif;";
const PARAGRAPH = 'margin:0 0 14px 0;font-size:15px;line-height:1.6;color:#1f2933;';

function layoutHtml(content: MessageContent, t: TemplateContext, subject: string): string {
  const rtl = t.direction === 'rtl';
  const align = rtl ? 'right' : 'left';
  const paragraph = (value: string): string =>
    `<p style="${PARAGRAPH}text-align:${align};">${htmlText(value)}</p>`;
  const parts: string[] = [paragraph(content.greeting), ...content.paragraphs.map(paragraph)];
  if (content.facts?.length) {
    const rows = content.facts
      .map(
        (fact) =>
          `<tr><th scope="row" style="padding:6px 0;font-weight:bold;vertical-align:top;text-align:${align};color:#52606d;white-space:nowrap;">${htmlText(fact.label)}</th>` +
          `<td style="padding:6px 12px;vertical-align:top;text-align:${align};">${htmlText(fact.value)}</td></tr>`,
      )
      .join('');
    parts.push(
      `<table role="presentation" dir="${t.direction}" style="border-collapse:collapse;margin:0 0 16px 0;font-size:15px;">${rows}</table>`,
    );
  }
  if (content.quote) {
    const border = rtl ? 'border-right' : 'border-left';
    parts.push(
      `<div style="${border}:4px solid #9aa5b1;padding:4px 12px;margin:0 0 16px 0;">` +
        `<p style="${PARAGRAPH}font-weight:bold;text-align:${align};">${htmlText(content.quote.label)}</p>` +
        content.quote.lines.map(paragraph).join('') +
        '</div>',
    );
  }
  for (const section of content.sections ?? []) {
    parts.push(
      `<h3 style="margin:16px 0 8px 0;font-size:16px;text-align:${align};">${htmlText(section.title)}</h3>` +
        section.lines.map(paragraph).join(''),
    );
  }
  if (content.agenda) {
    const rows = content.agenda.lines
      .map(
        (item) =>
          `<tr${item.highlight ? ' style="background:#fff3c4;"' : ''}><td style="padding:6px 8px;white-space:nowrap;vertical-align:top;text-align:${align};">${htmlText(item.time)}</td>` +
          `<td style="padding:6px 8px;vertical-align:top;text-align:${align};">${htmlText(item.title)}</td></tr>`,
      )
      .join('');
    parts.push(
      `<h3 style="margin:16px 0 8px 0;font-size:16px;text-align:${align};">${htmlText(content.agenda.title)}</h3>` +
        `<table role="presentation" dir="${t.direction}" style="border-collapse:collapse;margin:0 0 16px 0;font-size:14px;">${rows}</table>`,
    );
  }
  if (content.actions?.length) {
    const buttons = content.actions
      .map((action) =>
        action.secondary
          ? `<p style="${PARAGRAPH}text-align:${align};"><a href="${safeHref(action.url)}" style="color:#0b5394;">${htmlText(action.label)}</a></p>`
          : `<p style="margin:0 0 12px 0;text-align:${align};"><a href="${safeHref(action.url)}" style="display:inline-block;background:#0b5394;color:#ffffff;padding:12px 22px;border-radius:4px;text-decoration:none;font-weight:bold;font-size:15px;">${htmlText(action.label)}</a></p>`,
      )
      .join('');
    parts.push(`<div style="margin:8px 0 16px 0;">${buttons}</div>`);
  }
  if (content.checkInCode) {
    parts.push(
      `<p style="margin:0 0 8px 0;text-align:center;"><img src="cid:${CHECK_IN_QR_CID}" width="200" height="200" alt="${escapeHtml(withoutIsolates(content.checkInCode.caption))}" style="display:inline-block;border:0;"></p>` +
        `<p style="${PARAGRAPH}text-align:center;">${htmlText(content.checkInCode.caption)}</p>`,
    );
  }
  for (const note of content.afterActions ?? []) parts.push(paragraph(note));
  parts.push(
    `<p style="${PARAGRAPH}text-align:${align};">${closingLines(t).map(htmlText).join('<br>')}</p>`,
    `<hr style="border:0;border-top:1px solid #d9e2ec;margin:20px 0;">`,
    `<p style="margin:0;font-size:12px;line-height:1.5;color:#52606d;text-align:${align};">${htmlText(footerLine(t))}</p>`,
  );
  return (
    `<!DOCTYPE html>\n<html dir="${t.direction}" lang="${t.language}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(subject)}</title>\n</head>\n` +
    `<body dir="${t.direction}" style="margin:0;padding:0;background:#f5f7fa;">\n` +
    `<div dir="${t.direction}" lang="${t.language}" style="max-width:620px;margin:0 auto;padding:24px;background:#ffffff;${FONT}text-align:${align};">\n` +
    `${parts.join('\n')}\n</div>\n</body>\n</html>\n`
  );
}

/** Both parts of a message from what its template says, plus a subject safe for the header. */
export function layoutMessage(content: MessageContent, t: TemplateContext): LaidOutMessage {
  const subject = singleLine(content.subject);
  return { subject, text: layoutText(content, t), html: layoutHtml(content, t, subject) };
}
