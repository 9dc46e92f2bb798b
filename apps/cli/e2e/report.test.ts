/**
 * `sweep report` end to end: HTML whose verdict is the statement `sweep compare` prints, Markdown
 * whose chart files exist, and bad arguments refused with exit 2 before anything is written.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, noopSpec, sweep, workspace } from './helpers.js';

const NAME = 'report-e2e';

const unescapeHtml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('sweep report', () => {
  const ws = workspace('sweep-report-e2e-');

  beforeAll(() => {
    const spec = ws.file('sweep.yaml', noopSpec({ name: NAME, trials: 12, parallel: 2, maxEpochs: 3 }));
    expect(sweep(['run', spec, '--db', ws.db]).code).toBe(0);
  }, 120_000);
  afterAll(() => ws.cleanup());

  it('writes one HTML file whose verdict is the statement `sweep compare` prints', () => {
    const file = path.join(ws.dir, 'r.html');
    const result = sweep(['report', NAME, '-o', file, '--db', ws.db]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^wrote .*r\.html \(0\.\d\d MB, \d+ ms\); opt: (exploratory|insufficient_data)\n$/);
    const html = readFileSync(file, 'utf8');
    const shown = /data-testid="verdict-opt">([^<]*)<\/p>/.exec(html)?.[1];
    const printed = sweep(['compare', NAME, '--by', 'opt', '--db', ws.db]).stdout.trim().split('\n');
    const statement = json(sweep(['compare', NAME, '--by', 'opt', '--json', '--db', ws.db])).statement as string;
    expect(printed).toContain(statement);
    expect(unescapeHtml(shown ?? '')).toBe(statement);
    expect(html).not.toMatch(/<link|<script[^>]*src=|https?:\/\//i);
  });

  it('--format md (or -o *.md) writes Markdown and its charts beside it, every image there', () => {
    mkdirSync(path.join(ws.dir, 'md'));
    for (const args of [
      ['--format', 'md', '-o', path.join(ws.dir, 'md', 'report.md')],
      ['-o', path.join(ws.dir, 'md', 'other.md')],
    ]) {
      const result = sweep(['report', NAME, ...args, '--db', ws.db]);
      expect(result.code).toBe(0);
      const file = args.at(-1)!;
      const markdown = readFileSync(file, 'utf8');
      expect(markdown).toMatch(/^# report-e2e: which opt is best\?/);
      expect(markdown).toContain('## 1. The question and the setup');
      const images = [...markdown.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
      expect(images.length).toBeGreaterThan(2);
      for (const image of images) {
        expect(image.startsWith(`${path.basename(file, '.md')}_files/`)).toBe(true);
        const svg = readFileSync(path.join(path.dirname(file), decodeURI(image)), 'utf8');
        expect(svg.startsWith('<svg')).toBe(true);
      }
      expect(readdirSync(path.join(ws.dir, 'md', `${path.basename(file, '.md')}_files`)).sort()).toEqual(images.map((i) => path.basename(i)).sort());
    }
    // Nothing half-written is left behind.
    expect(readdirSync(path.join(ws.dir, 'md')).sort()).toEqual(['other.md', 'other_files', 'report.md', 'report_files']);
  });

  it.each([
    [['report', 'nope'], /^error: no sweep named 'nope' in /],
    [
      ['report', NAME, '--by', 'opt,nope'],
      /^error: --by nope: sweep 'report-e2e' has no categorical parameter 'nope'\n {2}hint: its categorical parameters: opt\n/,
    ],
    [['report', NAME, '--by', 'x'], /^error: --by x: 'x' is a numeric parameter of sweep 'report-e2e'\n {2}hint: --by takes categorical ones: opt\n/],
    [['report', NAME, '-o', '/no/such/folder/r.html'], /^error: cannot write \/no\/such\/folder\/r\.html: the folder \/no\/such\/folder does not exist\n/],
    [['report', NAME, '-o', '.'], /^error: cannot write \.: it is a folder\n/],
    [['report', NAME, '--format', 'pdf'], /Invalid values:/],
  ])('refuses %j with exit 2 and writes nothing', (args, message) => {
    const before = readdirSync(ws.dir).sort();
    const result = sweep([...args, '--db', ws.db], { cwd: ws.dir });
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
    expect(readdirSync(ws.dir).sort()).toEqual(before);
    expect(existsSync(path.join(ws.dir, `${NAME}-report.html`))).toBe(false);
  });
});
