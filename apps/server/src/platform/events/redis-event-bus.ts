import { Redis } from 'ioredis';
import { createLocalEventBus, type EventBus } from './event-bus.js';

const PREFIX = 'itsm:events:';

/**
 * The event bus of several server nodes: every event goes through Redis pub/sub and comes back to
 * each node (the publishing one included), which hands it to its own listeners (its open tabs).
 */
export function createRedisEventBus(url: string, onError: (error: unknown) => void): EventBus {
  const local = createLocalEventBus();
  const publisher = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url, { lazyConnect: false });
  publisher.on('error', onError);
  subscriber.on('error', onError);
  void subscriber.psubscribe(`${PREFIX}*`).catch(onError);
  subscriber.on('pmessage', (_pattern, channel, message) => {
    try {
      local.publish(channel.slice(PREFIX.length), JSON.parse(message));
    } catch (error) {
      onError(error);
    }
  });
  return {
    publish(channel, payload) {
      publisher.publish(PREFIX + channel, JSON.stringify(payload)).catch(onError);
    },
    subscribe: local.subscribe,
    async close() {
      await local.close();
      subscriber.disconnect();
      await publisher.quit().catch(() => publisher.disconnect());
    },
  };
}
