import type { SendMessageRequest } from '../domain/messages/mail';
import { renderMessage, type RenderedMessage, type RenderOptions } from './render-message';

/**
 * A message as it would go out, for a coordinator to read before it does: the HTML carries its
 * inline images as data URIs (a browser has no mail parts to resolve `cid:` against), and link
 * expiries are ISO text (JSON for the CLI and the API).
 */
export type MessagePreview = Pick<
  RenderedMessage,
  'messageId' | 'language' | 'direction' | 'to' | 'subject' | 'text' | 'ics' | 'headers'
> & {
  html: string;
  links: Record<string, { url: string; expiresAt: string }>;
};

/** The preview of a rendered message (see `MessagePreview`). */
export function messagePreview(rendered: RenderedMessage): MessagePreview {
  const { inlineImages, links } = rendered;
  let html = rendered.html;
  for (const image of inlineImages)
    html = html.replaceAll(
      `cid:${image.cid}`,
      `data:${image.contentType};base64,${image.content.toString('base64')}`,
    );
  return {
    messageId: rendered.messageId,
    language: rendered.language,
    direction: rendered.direction,
    to: rendered.to,
    subject: rendered.subject,
    text: rendered.text,
    html,
    ...(rendered.ics === undefined ? {} : { ics: rendered.ics }),
    headers: rendered.headers,
    links: Object.fromEntries(
      Object.entries(links).map(([purpose, link]) => [
        purpose,
        { url: link.url, expiresAt: link.expiresAt.toISOString() },
      ]),
    ),
  };
}

/** Renders a message exactly as the worker would send it (same renderer), without sending it. */
export async function previewMessage(
  request: SendMessageRequest,
  options: RenderOptions,
): Promise<MessagePreview> {
  return messagePreview(await renderMessage(request, options));
}
