import type { NotificationEvent } from '@itsm/contracts';
import { type MailMessage, renderMail } from '../../platform/mail/index.js';

export type MailRecipient = { email: string; first_name: string; locale: string };

export type TicketMailFacts = {
  event: NotificationEvent;
  number: string;
  title: string;
  actorName: string | null;
  /** The recipient asked for this ticket (wording of creation and closing). */
  isRequester: boolean;
  /** Comment excerpt, solution, reason or escalation level name. */
  detail: string | null;
  breached?: boolean;
  link: string;
};

const someone = { fr: 'Quelqu’un', en: 'Someone' };

const TEXT = {
  fr: {
    greeting: (name: string) => `Bonjour ${name},`,
    footer:
      'Ce message a été envoyé automatiquement par votre service informatique. Vous pouvez choisir vos notifications dans votre compte.',
    open: 'Voir le ticket',
    answer: 'Approuver ou refuser',
    survey: 'Donner mon avis',
    lines: {
      ticket_created: (f: TicketMailFacts) =>
        f.isRequester
          ? `Votre demande a bien été enregistrée sous le numéro ${f.number}. Nous vous tiendrons informé de son avancement.`
          : `${f.actorName ?? someone.fr} a ouvert le ticket ${f.number}.`,
      ticket_assigned: (f: TicketMailFacts) => `Le ticket ${f.number} vous a été attribué.`,
      ticket_commented: (f: TicketMailFacts) =>
        `${f.actorName ?? someone.fr} a ajouté un commentaire au ticket ${f.number} :`,
      ticket_resolved: (f: TicketMailFacts) =>
        f.isRequester
          ? `Le ticket ${f.number} a été résolu. Validez la solution, ou refusez-la si le problème persiste :`
          : `Le ticket ${f.number} a été résolu.`,
      ticket_closed: (f: TicketMailFacts) => `Le ticket ${f.number} est clos.`,
      ticket_escalated: (f: TicketMailFacts) => `Le ticket ${f.number} a été escaladé (${f.detail ?? ''}).`,
      ticket_sla_warning: (f: TicketMailFacts) =>
        f.breached
          ? `Le ticket ${f.number} a dépassé son échéance.`
          : `Le ticket ${f.number} approche de son échéance.`,
      approval_requested: (f: TicketMailFacts) =>
        `${f.actorName ?? someone.fr} demande votre approbation pour le ticket ${f.number}.`,
      survey_requested: (f: TicketMailFacts) =>
        `Votre ticket ${f.number} est clos. Comment s’est passée sa prise en charge ? Une note de 1 à 5 suffit.`,
    },
  },
  en: {
    greeting: (name: string) => `Hello ${name},`,
    footer:
      'This message was sent automatically by your IT department. You can choose your notifications in your account.',
    open: 'Open the ticket',
    answer: 'Approve or refuse',
    survey: 'Rate the support',
    lines: {
      ticket_created: (f: TicketMailFacts) =>
        f.isRequester
          ? `Your request was recorded as ${f.number}. We will keep you informed.`
          : `${f.actorName ?? someone.en} opened ticket ${f.number}.`,
      ticket_assigned: (f: TicketMailFacts) => `Ticket ${f.number} was assigned to you.`,
      ticket_commented: (f: TicketMailFacts) =>
        `${f.actorName ?? someone.en} commented on ticket ${f.number}:`,
      ticket_resolved: (f: TicketMailFacts) =>
        f.isRequester
          ? `Ticket ${f.number} was resolved. Validate the solution, or reject it if the problem remains:`
          : `Ticket ${f.number} was resolved.`,
      ticket_closed: (f: TicketMailFacts) => `Ticket ${f.number} is closed.`,
      ticket_escalated: (f: TicketMailFacts) => `Ticket ${f.number} was escalated (${f.detail ?? ''}).`,
      ticket_sla_warning: (f: TicketMailFacts) =>
        f.breached
          ? `Ticket ${f.number} is past its deadline.`
          : `Ticket ${f.number} is nearing its deadline.`,
      approval_requested: (f: TicketMailFacts) =>
        `${f.actorName ?? someone.en} asks for your approval of ticket ${f.number}.`,
      survey_requested: (f: TicketMailFacts) =>
        `Your ticket ${f.number} is closed. How was the support? A rating from 1 to 5 is enough.`,
    },
  },
} as const;

const EXCERPT = 1500;

/** The e-mail of a ticket notification, in the recipient's language. */
export function ticketMail(to: MailRecipient, facts: TicketMailFacts): MailMessage {
  const t = TEXT[to.locale === 'en' ? 'en' : 'fr'];
  const showDetail = facts.event !== 'ticket_escalated' && facts.detail;
  const detail =
    showDetail && facts.detail
      ? facts.detail.slice(0, EXCERPT) + (facts.detail.length > EXCERPT ? '…' : '')
      : null;
  const label =
    facts.event === 'approval_requested' ? t.answer : facts.event === 'survey_requested' ? t.survey : t.open;
  const body = renderMail({
    greeting: t.greeting(to.first_name),
    paragraphs: [t.lines[facts.event](facts), ...(detail ? [detail] : [])],
    action: { label, url: facts.link },
    footer: t.footer,
  });
  return { to: to.email, subject: `[${facts.number}] ${facts.title}`, ...body };
}
