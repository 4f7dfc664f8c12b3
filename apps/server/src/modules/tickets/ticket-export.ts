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
  const links = { baseUrl: 'http://export.invalid', requestUrl: '/' };
  const first = await tickets.list(actor, { ...params, page: 1, pageSize: CHUNK }, links);
  const csv = stringify({ header: true, columns: [...COLUMNS], bom: true });
  const body = new PassThrough();
  csv.pipe(body);
  void (async () => {
    try {
      let page = first;
      let written = 0;
      for (let n = 1; ; n++) {
        for (const ticket of page.results) {
          const row = ticket as unknown as Record<string, unknown>;
          if (!csv.write(COLUMNS.map((c) => neutralised(row[c]))))
            await new Promise((r) => csv.once('drain', r));
        }
        written += page.results.length;
        if (!page.next || written >= MAX_ROWS) break;
        page = await tickets.list(actor, { ...params, page: n + 1, pageSize: CHUNK }, links);
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
