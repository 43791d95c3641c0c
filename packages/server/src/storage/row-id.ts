import { randomUUIDv7 } from 'node:crypto';

/**
 * The id of a row in a table that grows with every errand (errands, their messages and events,
 * the access log, the outbox, pending statistics). Time-ordered (UUID version 7, 74 random bits):
 * a new row's id lands on the last page of its primary-key index, one page every commit already
 * holds, instead of a random page that must be read and written back (issue 20: a send changed
 * 32 pages; time-ordered ids and shared commits bring that to 15). It reveals the row's creation
 * time to the millisecond, which every such row stores beside it anyway.
 */
export const newRowId: () => string = randomUUIDv7;
