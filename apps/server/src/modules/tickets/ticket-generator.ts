import { DEFAULT_PRIORITY_MATRIX, type Level, priorityOf } from './priority.js';
import type { TicketStatus } from './workflow.js';

// Realistic demo and benchmark tickets: six months of history, mostly closed, a recent open tail,
// French titles, urgency and impact leaning to the middle. Pure and seeded: the same seed gives the
// same tickets.

export type Rng = () => number;

/** mulberry32: small, fast, good enough for demo data. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

function weighted<T>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  let roll = rng() * table.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of table) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return (table.at(-1) as readonly [T, number])[0];
}

export const TITLES = [
  'Imprimante du 2e étage bloquée',
  'Impossible de se connecter au VPN',
  'Écran noir au démarrage',
  'Demande d’accès au dossier partagé Comptabilité',
  'Outlook ne synchronise plus la boîte',
  'Installer Teams sur mon poste',
  'Mot de passe expiré, compte verrouillé',
  'Souris sans fil défectueuse',
  'Lenteurs réseau au bâtiment B',
  'Préparer un poste pour une arrivée lundi',
  'Téléphone IP sans tonalité',
  'Licence Office à renouveler',
  'Erreur 500 sur l’application de paie',
  'Clavier qui répète les touches',
  'Accès Wi-Fi pour un visiteur',
  'Sauvegarde de la nuit en échec',
  'Scanner qui n’envoie plus les e-mails',
  'Double écran ne s’affiche plus',
  'Demande de second écran 27 pouces',
  'Automate de la ligne 3 injoignable',
] as const;

const DESCRIPTIONS = [
  'Depuis ce matin, impossible de travailler normalement. Merci de regarder rapidement.',
  'Le problème revient tous les jours vers 10 h. Un redémarrage ne change rien.',
  'Demande validée par mon responsable, à traiter avant la fin de la semaine.',
  'Message d’erreur : « Accès refusé ». Capture disponible sur demande.',
] as const;

const HOUR = 3_600_000;
/** The default auto-close delay of resolved tickets (ticket settings). */
const AUTO_CLOSE_DAYS = 7;
const DAY = 24 * HOUR;

export type GeneratedTicket = {
  title: string;
  description: string;
  type: 'incident' | 'request';
  status: TicketStatus;
  urgency: number;
  impact: number;
  priority: number;
  createdAt: Date;
  /** Last status change (for the history), the ticket's updated_at. */
  changedAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  assigned: boolean;
  source: 'web' | 'email' | 'api' | 'agent';
};

const RECENT: readonly (readonly [TicketStatus, number])[] = [
  ['new', 10],
  ['assigned', 20],
  ['in_progress', 25],
  ['pending', 10],
  ['resolved', 25],
  ['closed', 8],
  ['cancelled', 2],
];
const OLD: readonly (readonly [TicketStatus, number])[] = [
  ['closed', 93],
  ['cancelled', 5],
  ['pending', 2],
];
const LEVELS: readonly (readonly [number, number])[] = [
  [1, 10],
  [2, 30],
  [3, 35],
  [4, 18],
  [5, 7],
];

/**
 * One ticket created in the `days` before `now`, at `position` (0 = the oldest, 1 = now) give or
 * take a little: generated in order, tickets come in the order they were opened, like real ones.
 */
export function generateTicket(rng: Rng, now: Date, position: number, days = 182): GeneratedTicket {
  const at = Math.min(1, Math.max(0, position + (rng() - 0.5) / 100_000));
  const createdAt = new Date(now.getTime() - (1 - at) * days * DAY);
  const ageDays = (now.getTime() - createdAt.getTime()) / DAY;
  const rolled = weighted(rng, ageDays > 10 ? OLD : RECENT);
  const urgency = weighted(rng, LEVELS);
  const impact = weighted(rng, LEVELS);
  const taken = rolled !== 'new';
  const clamp = (ms: number) => new Date(Math.min(now.getTime(), ms));
  const firstResponseAt = taken ? clamp(createdAt.getTime() + (5 + rng() * 240) * 60_000) : null;
  const done = rolled === 'resolved' || rolled === 'closed';
  const resolvedAt =
    done && firstResponseAt
      ? clamp(Math.max(firstResponseAt.getTime(), createdAt.getTime() + (1 + rng() * 72) * HOUR))
      : null;
  // Resolved longer than the auto-close delay ago: the job would have closed it by then.
  const status: TicketStatus =
    rolled === 'resolved' && resolvedAt && now.getTime() - resolvedAt.getTime() > AUTO_CLOSE_DAYS * DAY
      ? 'closed'
      : rolled;
  const closedAt =
    status === 'closed' && resolvedAt
      ? clamp(resolvedAt.getTime() + rng() * AUTO_CLOSE_DAYS * DAY)
      : status === 'cancelled'
        ? clamp(Math.max((firstResponseAt ?? createdAt).getTime(), createdAt.getTime() + rng() * DAY))
        : null;
  const changedAt = closedAt ?? resolvedAt ?? firstResponseAt ?? createdAt;
  return {
    title: pick(rng, TITLES),
    description: pick(rng, DESCRIPTIONS),
    type: rng() < 0.75 ? 'incident' : 'request',
    status,
    urgency,
    impact,
    priority: priorityOf(urgency as Level, impact as Level, DEFAULT_PRIORITY_MATRIX),
    createdAt,
    changedAt,
    firstResponseAt,
    resolvedAt,
    closedAt,
    assigned: taken && status !== 'cancelled',
    source: weighted(rng, [
      ['web', 70],
      ['email', 20],
      ['api', 5],
      ['agent', 5],
    ] as const),
  };
}
