import type { TicketBulk, TicketBulkResult } from '@itsm/contracts';
import { type Actor, assertAllowed, isStaff, type RequestContext } from '../../platform/auth/actor.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import type { TicketService } from './tickets.service.js';

/**
 * The same action on several tickets, each checked and committed on its own (a ticket out of scope or
 * in the wrong status fails alone, with its reason).
 */
export async function bulkTickets(
  tickets: TicketService,
  actor: Actor,
  input: TicketBulk,
  request: RequestContext,
): Promise<TicketBulkResult> {
  assertAllowed(isStaff(actor), 'Bulk changes are for support staff');
  const reassign = input.assignee !== undefined || input.group !== undefined;
  if (!input.action && !reassign)
    throw fieldError('body', 'action', 'Give an action, an assignee or a group', 'required');
  const result: TicketBulkResult = { done: [], failed: [] };
  for (const id of [...new Set(input.ids)]) {
    try {
      if (input.action) {
        await tickets.transition(
          actor,
          id,
          {
            action: input.action,
            reason: input.reason,
            ...(input.assignee != null && { assignee: input.assignee }),
            ...(input.group != null && { group: input.group }),
          },
          request,
        );
      } else {
        await tickets.update(
          actor,
          id,
          {
            ...(input.assignee !== undefined && { assignee: input.assignee }),
            ...(input.group !== undefined && { group: input.group }),
          },
          request,
        );
      }
      result.done.push(id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.failed.push({ id, code: error.code, detail: error.errors?.[0]?.message ?? error.message });
    }
  }
  return result;
}
