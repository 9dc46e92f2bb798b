/** GET /api/sweeps/:name/report: the file `sweep report` writes, as a download (needs the chart module: `npm run build`). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOCK_START } from '../test-support/fixture-sweeps.js';
import { startHarness, type Harness } from '../test-support/server-harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ now: () => CLOCK_START + 3_600_000 });
});
afterAll(() => harness.close());

describe('GET /api/sweeps/:name/report', () => {
  it('answers one HTML file as an attachment, with a verdict per categorical param and its charts inline', async () => {
    const { status, body, headers } = await harness.get<string>('/api/sweeps/strategies/report');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(headers.get('content-disposition')).toBe('attachment; filename="strategies-report.html"');
    expect(body).toContain('data-testid="verdict-optimizer"');
    expect(body).toContain('data-testid="verdict-cell"');
    expect(body).toContain('<figure class="chart" data-chart="importance">');
    expect(body).toContain('still running');
  });

  it('takes ?by= and refuses a param that is not categorical, an unknown sweep and a format other than html', async () => {
    const only = await harness.get<string>('/api/sweeps/strategies/report?by=cell&format=html');
    expect(only.body).toContain('data-testid="verdict-cell"');
    expect(only.body).not.toContain('data-testid="verdict-optimizer"');
    const bad = await harness.get<{ error: { code: string; message: string; hint: string } }>('/api/sweeps/strategies/report?by=lr');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("query.by: 'lr' is not a categorical parameter of sweep 'strategies'");
    expect(bad.body.error.hint).toBe('its categorical parameters: optimizer, cell');
    expect((await harness.get('/api/sweeps/strategies/report?format=md')).status).toBe(400);
    expect((await harness.get('/api/sweeps/nope/report')).status).toBe(404);
  });
});
