import { EventEmitter } from 'node:events';

export type Listener = (payload: unknown) => void;

/**
 * Events for live updates (notifications to open browser tabs). In-process on one node; a Redis
 * pub/sub transport takes its place when the app runs on several nodes (REDIS_URL).
 */
export type EventBus = {
  publish(channel: string, payload: unknown): void;
  /** Returns the function that unsubscribes. */
  subscribe(channel: string, listener: Listener): () => void;
  close(): Promise<void>;
};

export function createLocalEventBus(): EventBus {
  const emitter = new EventEmitter();
  // Every open tab holds a listener: no arbitrary cap.
  emitter.setMaxListeners(0);
  return {
    publish(channel, payload) {
      emitter.emit(channel, payload);
    },
    subscribe(channel, listener) {
      emitter.on(channel, listener);
      return () => emitter.off(channel, listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}
