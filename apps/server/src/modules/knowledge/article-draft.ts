import type { ArticleDraft } from '@itsm/contracts';
import type { Language } from './search/normalize.js';

/** An article draft written from a resolved ticket: its problem, then its solution, in its requester's language. */
export function articleDraftFrom(ticket: {
  id: number;
  title: string;
  description: string;
  solution: string | null;
  language: Language;
}): ArticleDraft {
  const french = ticket.language === 'fr';
  const body = [
    `## ${french ? 'Problème' : 'Problem'}`,
    '',
    ticket.description.trim() || ticket.title,
    '',
    '## Solution',
    '',
    ticket.solution?.trim() || (french ? '_À compléter._' : '_To be written._'),
    '',
  ].join('\n');
  return { title: ticket.title, summary: '', body, language: ticket.language, source_ticket: ticket.id };
}
