import type { ChangeCursor } from './types.js';

/** The cursor before anything: `changesSince(name, START_CURSOR)` returns the whole sweep. */
export const START_CURSOR: ChangeCursor = Object.freeze({ trialUpdatedAt: 0, metricId: 0, eventId: 0 });
