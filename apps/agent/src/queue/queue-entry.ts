import { z } from 'zod';

export const QUEUE_KINDS = ['heartbeat', 'inventory', 'instruction_result', 'ticket'] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];

/** One thing to send to the server; `payload` is read-only (the queue keeps the same object). */
export type QueueEntry = Readonly<{
  /** Zero-padded sequence number: sorting ids (or file names) gives the FIFO order. */
  id: string;
  kind: QueueKind;
  /** Sent as a header so that a request repeated after a lost response is applied once by the server. */
  idempotencyKey: string;
  payload: unknown;
  createdAt: string;
  attempts: number;
  /** Epoch ms before which the entry is not due. */
  nextAttemptAt: number;
  lastError: string | null;
}>;

const ID_DIGITS = 16; // Number.MAX_SAFE_INTEGER has 16 digits
const ENTRY_FILE_NAME = /^\d{16}\.json$/;

/** Printable ASCII without spaces, so that it fits in an HTTP header as is. */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export const formatEntryId = (sequence: number): string => String(sequence).padStart(ID_DIGITS, '0');
export const entryFileName = (id: string): string => `${id}.json`;

/** The sequence number of an entry file name, or null for any other file. */
export function sequenceOfFileName(name: string): number | null {
  return ENTRY_FILE_NAME.test(name) ? Number(name.slice(0, ID_DIGITS)) : null;
}

const entrySchema = z.object({
  id: z.string().regex(/^\d{16}$/),
  kind: z.enum(QUEUE_KINDS),
  idempotencyKey: z.string().regex(IDEMPOTENCY_KEY),
  payload: z.unknown().refine((value) => value !== undefined, 'payload is missing'),
  createdAt: z.iso.datetime(),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.number(),
  lastError: z.string().nullable(),
});

export const serializeEntry = (entry: QueueEntry): string => `${JSON.stringify(entry)}\n`;

/**
 * The entry stored in `text`, or null when it is not one (a file truncated by a crash before the
 * queue wrote durably, a disk error, a hand edit). `id` is the one its file name gives.
 */
export function parseEntry(text: string, id: string): QueueEntry | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = entrySchema.safeParse(raw);
  if (!parsed.success || parsed.data.id !== id) return null;
  // `payload` is spelled out: the schema types it as optional (its refine makes it required).
  return Object.freeze({ ...parsed.data, payload: parsed.data.payload });
}
