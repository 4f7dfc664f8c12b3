export { type BackoffOptions, backoffDelay } from './backoff.js';
export { type DurableQueue, openQueue, type PushOptions, type QueueOptions } from './durable-queue.js';
export { QUEUE_KINDS, type QueueEntry, type QueueKind } from './queue-entry.js';
