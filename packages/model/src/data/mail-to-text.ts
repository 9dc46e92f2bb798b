import { compile } from 'html-to-text';
import PostalMime from 'postal-mime';
import type { Email } from 'postal-mime';

/**
 * HTML to plain text for mail bodies. Images are skipped and links keep only their words: an
 * `[http://…]` after every link would make URLs dominate the vocabulary. Table cells become
 * blocks because the default joins neighbouring cells into one word ("ab"), and spam is mostly
 * tables. Headings keep their case; lowercasing is the tokenizer's choice, not the parser's.
 * Compiled once, as html-to-text recommends for batches.
 */
const htmlToText = compile({
  wordwrap: false,
  selectors: [
    { selector: 'img', format: 'skip' },
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'td', format: 'block' },
    { selector: 'th', format: 'block' },
    ...(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const).map((selector) => ({ selector, options: { uppercase: false } })),
  ],
});

/**
 * Turns a raw RFC 822 message into the text a classifier should see: the Subject, a blank line,
 * then the decoded body. Every other header is dropped because headers (Received chains,
 * mailing-list headers, X-Spam-* lines) give the label away without reading the message.
 *
 * postal-mime undoes quoted-printable, base64, charsets and multipart nesting. The text/plain part
 * is used when there is one; otherwise the text/html part is converted to text. Whitespace is
 * tidied: runs of spaces and tabs become one space, lines are trimmed and blank-line runs become
 * one blank line.
 *
 * Pass the message's bytes when you have them: a body in an 8-bit legacy charset (GB2312, Big5,
 * ISO-8859-1 without transfer encoding) only decodes right from its original bytes; as a string
 * it has already been through some decoder, and postal-mime re-encodes strings as UTF-8.
 *
 * @returns the trimmed text; an empty string when the message has neither subject nor body.
 * @throws whatever postal-mime throws for a message it cannot parse at all (e.g. headers over its
 *   2 MiB limit); the caller knows which file it was and should say so.
 */
export async function mailToText(raw: string | Uint8Array): Promise<string> {
  const email = await PostalMime.parse(raw);
  const subject = tidyWhitespace(email.subject ?? '');
  const body = tidyWhitespace(bodyOf(email));
  return `${subject}\n\n${body}`.trim();
}

function bodyOf(email: Email): string {
  if (email.text !== undefined && email.text.trim() !== '') return email.text;
  if (email.html !== undefined && email.html.trim() !== '') return htmlToText(email.html);
  // A malformed Content-Type (e.g. "text/plain charset=us-ascii", no semicolon) makes postal-mime
  // file the body as an attachment; its words are still the message.
  const textAttachment = email.attachments.find((a) => a.mimeType.toLowerCase().startsWith('text/'));
  if (textAttachment === undefined) return '';
  const { content } = textAttachment;
  if (typeof content === 'string') return content;
  const text = new TextDecoder().decode(content);
  return textAttachment.mimeType.toLowerCase().startsWith('text/html') ? htmlToText(text) : text;
}

function tidyWhitespace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
