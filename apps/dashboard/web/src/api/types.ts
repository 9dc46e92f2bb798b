/** The API's response types, owned by the server (apps/dashboard/src/api/types.ts); types only. */
export type * from '../../../src/api/types';
