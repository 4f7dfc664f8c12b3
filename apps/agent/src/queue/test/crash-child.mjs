// Child process of durable-queue.crash.test.ts (run with `--import tsx`): pushes tickets until it is
// killed, printing each id once push has returned, that is once the entry is durable, then rewrites
// the entry (retryLater) so that kills also land in the middle of a rewrite.
import { writeSync } from 'node:fs';
import { openQueue } from '../durable-queue.ts';

const queue = openQueue(process.argv[2], { maxEntries: 1_000_000 });
const filler = 'x'.repeat(6_000); // a few disk blocks per entry: more kills land mid-write
const first = queue.size();
// Bounded, should the parent fail to kill it.
for (let n = first; n < first + 20_000; n++) {
  const entry = queue.push('ticket', { n, filler });
  writeSync(1, `${entry.id}\n`); // synchronous, unlike process.stdout on some platforms
  queue.retryLater(entry.id, 'crash test');
}
