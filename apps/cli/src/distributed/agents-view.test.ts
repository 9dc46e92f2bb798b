import { describe, expect, it } from 'vitest';
import type { AgentInfo } from '@loopsweep/runner';
import { agentsLines } from './agents-view.js';
import { withoutPlaceholder } from './recorded-queue.js';

const agent = (name: string, lastSeen: number, running: AgentInfo['running'] = []): AgentInfo => ({
  name,
  host: `${name}-host`,
  pid: 1,
  instance: 'x',
  slots: 2,
  description: '2 worker threads (wasm)',
  running,
  startedAt: 0,
  lastSeen,
});

describe('agentsLines', () => {
  it('lists each agent with its host, slots, running trials and when it was last seen', () => {
    const now = 100_000;
    const lines = agentsLines(
      {
        queue: 'loopsweep',
        url: 'redis://:***@h:6379',
        agents: [
          agent('a', now - 400, [
            { sweep: 's', trial: 3, attempt: 1, since: 0 },
            { sweep: 's', trial: 5, attempt: 2, since: 0 },
          ]),
          agent('b', now - 45_000),
        ],
      },
      now,
    );
    expect(lines.join('\n')).toBe(
      [
        "agents on queue 'loopsweep' at redis://:***@h:6379:",
        '  name  host    slots  running  last seen',
        '  ────  ──────  ─────  ───────  ──────────────',
        '  a     a-host      2  s#3 s#5  0.4s ago',
        '  b     b-host      2  —        45s ago (gone)',
      ].join('\n'),
    );
  });

  it('says how to start the first agent, or why the agents are unknown', () => {
    expect(agentsLines({ queue: 'q', url: 'redis://h', agents: [] })).toEqual([
      "agents on queue 'q' at redis://h: none yet; start one with `sweep agent --queue redis://h`",
    ]);
    expect(agentsLines({ queue: 'q', url: 'redis://h', error: 'cannot read (hint)' })).toEqual([
      "agents on queue 'q' at redis://h: unknown, cannot read (hint)",
    ]);
  });
});

describe('withoutPlaceholder', () => {
  it('drops the *** of a recorded URL, so that LOOPSWEEP_REDIS_PASSWORD can supply the password', () => {
    expect(withoutPlaceholder('redis://:***@h:6379/1')).toBe('redis://h:6379/1');
    expect(withoutPlaceholder('rediss://sweeper:***@h')).toBe('rediss://sweeper@h');
    expect(withoutPlaceholder('redis://h')).toBe('redis://h');
  });
});
