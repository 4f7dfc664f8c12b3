import { PassThrough } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../platform/auth/actor.js';
import type { ListParams } from '../../platform/lists/index.js';
import type { TicketService } from './tickets.service.js';

const CHUNK = 500;
/** An export is a report, not a backup: beyond this, narrow the filters. */
const MAX_ROWS = 100_000;

const COLUMNS = [
  'number',
  'title',
  'type',
  'status',
  'priority',
  'urgency',
  'impact',
  'category_name',
  'requester_name',
  'assignee_name',
  'group_name',
  'sla_state',
  'due_resolution_at',
  'first_response_at',
  'resolved_at',
  'closed_at',
  'created_at',
  'updated_at',
] as const;

/** A cell a spreadsheet would run as a formula gets a leading quote (CSV injection). */
function neutralised(value: unknown): unknown {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Streams the filtered list, page after page, as CSV; the first page's errors still answer as problems. */
export async function exportTicketsCsv(
  tickets: TicketService,
  actor: Actor,
  params: ListParams,
  reply: FastifyReply,
) {
  // The first slice is read before answering, so that a bad filter still answers as a problem.
  const first = await tickets.slice(actor, params, 1, CHUNK);
  const csv = stringify({ header: true, columns: [...COLUMNS], bom: true });
  const body = new PassThrough();
  csv.pipe(body);
  void (async () => {
    try {
      let slice = first;
      let written = 0;
      for (let n = 1; ; n++) {
        for (const ticket of slice) {
          const row = ticket as unknown as Record<string, unknown>;
          if (!csv.write(COLUMNS.map((c) => neutralised(row[c]))))
            await new Promise((r) => csv.once('drain', r));
        }
        written += slice.length;
        if (slice.length < CHUNK || written >= MAX_ROWS) break;
        slice = await tickets.slice(actor, params, n + 1, CHUNK);
      }
      csv.end();
    } catch (error) {
      body.destroy(error as Error);
    }
  })();
  const stamp = new Date().toISOString().slice(0, 10);
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="tickets-${stamp}.csv"`)
    .send(body);
}
