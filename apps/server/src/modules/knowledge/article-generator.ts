import { type Rng, seededRng } from '../tickets/ticket-generator.js';
import type { Language } from './search/normalize.js';

// Generated knowledge articles for benchmarks: help-desk vocabulary in French and English, titles
// like "Imprimante HP LaserJet 4050 hors ligne au 3e étage", bodies of 150 to 900 words with
// sections, steps, error codes and model numbers. As in a real base, an article's steps are about
// a few things tied to its subject (a printer article talks about the driver and the print queue),
// so a technical word appears in a minority of articles while boilerplate appears in most.

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

const WORDS = {
  fr: {
    subjects: [
      'Imprimante',
      'Poste de travail',
      'Ordinateur portable',
      'Écran',
      'Clavier',
      'Souris',
      'VPN',
      'Wi-Fi',
      'Messagerie',
      'Outlook',
      'Teams',
      'SharePoint',
      'Mot de passe',
      'Badge',
      'Téléphone',
      'Scanner',
      'Réseau',
      'Serveur de fichiers',
      'Sauvegarde',
      'Antivirus',
      'Certificat',
      'Navigateur',
      'Application de paie',
      'Logiciel de comptabilité',
      'Tablette',
      'Casque',
      'Station d’accueil',
      'Lecteur réseau',
      'Agenda partagé',
      'Compte utilisateur',
      'Session Windows',
      'Imprimante multifonction',
      'Vidéoprojecteur',
      'Boîte partagée',
    ],
    problems: [
      'ne démarre plus',
      'est hors ligne',
      'est très lent',
      'affiche une erreur',
      'ne se connecte pas',
      'se déconnecte souvent',
      'demande le mot de passe en boucle',
      'n’imprime plus',
      'reste bloqué',
      'clignote',
      'ne synchronise plus',
      'refuse l’accès',
      'a expiré',
      'n’est plus reconnu',
      'plante au lancement',
      'perd la connexion',
      'affiche un écran noir',
      'ne reçoit plus les messages',
      'est introuvable',
    ],
    places: [
      'au 3e étage',
      'au siège',
      'à l’accueil',
      'en salle de réunion',
      'à l’usine',
      'en télétravail',
      '',
    ],
    verbs: [
      'Vérifiez',
      'Redémarrez',
      'Mettez à jour',
      'Supprimez',
      'Réinstallez',
      'Ouvrez',
      'Sélectionnez',
      'Fermez',
      'Débranchez',
      'Contrôlez',
      'Désactivez',
      'Activez',
    ],
    objects: [
      'le câble réseau',
      'le pilote',
      'le service d’impression',
      'le profil utilisateur',
      'le cache du navigateur',
      'les identifiants enregistrés',
      'la mise à jour en attente',
      'le certificat',
      'le client VPN',
      'la connexion Wi-Fi',
      'le lecteur réseau',
      'les paramètres proxy',
      'la file d’attente',
      'le compte de messagerie',
      'le micrologiciel',
      'la carte réseau',
      'le pare-feu',
      'les règles de transfert',
      'le fichier de configuration',
      'la batterie',
      'le stockage local',
      'les autorisations du dossier',
      'le port USB',
      'la licence',
    ],
    filler: [
      'Cette procédure concerne les postes du parc standard.',
      'Si le problème persiste, ouvrez un ticket en précisant le message affiché.',
      'Notez le nom du poste avant d’appeler le support.',
      'L’opération prend environ cinq minutes.',
      'Les droits administrateur ne sont pas nécessaires.',
      'Un redémarrage peut être demandé à la fin.',
      'Enregistrez vos documents ouverts avant de commencer.',
    ],
    sections: ['Symptômes', 'Cause', 'Solution', 'Pour aller plus loin'],
  },
  en: {
    subjects: [
      'Printer',
      'Workstation',
      'Laptop',
      'Monitor',
      'Keyboard',
      'Mouse',
      'VPN',
      'Wi-Fi',
      'Mailbox',
      'Outlook',
      'Teams',
      'SharePoint',
      'Password',
      'Badge',
      'Desk phone',
      'Scanner',
      'Network',
      'File server',
      'Backup',
      'Antivirus',
      'Certificate',
      'Browser',
      'Payroll application',
      'Accounting software',
      'Tablet',
      'Headset',
      'Docking station',
      'Network drive',
      'Shared calendar',
      'User account',
      'Windows session',
      'Projector',
    ],
    problems: [
      'does not start',
      'shows offline',
      'is very slow',
      'shows an error',
      'cannot connect',
      'keeps disconnecting',
      'keeps asking for the password',
      'stopped printing',
      'is stuck',
      'flickers',
      'stopped syncing',
      'denies access',
      'has expired',
      'is not recognised',
      'crashes on start',
      'loses the connection',
      'shows a black screen',
    ],
    places: [
      'on the 3rd floor',
      'at head office',
      'at the reception',
      'in the meeting room',
      'when working from home',
      '',
    ],
    verbs: [
      'Check',
      'Restart',
      'Update',
      'Delete',
      'Reinstall',
      'Open',
      'Select',
      'Close',
      'Unplug',
      'Disable',
      'Enable',
    ],
    objects: [
      'the network cable',
      'the driver',
      'the print spooler',
      'the user profile',
      'the browser cache',
      'the saved credentials',
      'the pending update',
      'the certificate',
      'the VPN client',
      'the Wi-Fi connection',
      'the network drive',
      'the proxy settings',
      'the mail account',
      'the firmware',
      'the network adapter',
      'the firewall',
      'the forwarding rules',
      'the configuration file',
      'the battery',
      'the local storage',
      'the folder permissions',
      'the USB port',
      'the licence',
    ],
    filler: [
      'This procedure applies to standard workstations.',
      'If the problem persists, open a ticket with the message shown.',
      'Write down the computer name before calling the service desk.',
      'It takes about five minutes.',
      'No administrator rights are needed.',
      'A restart may be asked for at the end.',
      'Save your open documents first.',
    ],
    sections: ['Symptoms', 'Cause', 'Solution', 'Going further'],
  },
} as const;

const MODELS = [
  'HP LaserJet 4050',
  'Dell Latitude 7440',
  'Lenovo ThinkPad T14',
  'Canon iR-ADV C5535',
  'Fortinet FortiClient 7',
  'Cisco AnyConnect',
  'Brother MFC-L8900',
  'Surface Pro 9',
  'Poly Voyager',
  'Yealink T54W',
];

export type GeneratedArticle = {
  title: string;
  summary: string;
  body: string;
  language: Language;
  tags: string[];
};

/**
 * The two to four things an article about `subject` talks about: each subject has its own
 * favourites (a Zipf draw over the objects, rotated by subject), with now and then another one.
 */
function topicObjects(rng: Rng, objects: readonly string[], subject: number): string[] {
  const weights = objects.map((_, i) => 1 / (1 + ((i - subject * 5 + objects.length * 7) % objects.length)));
  const total = weights.reduce((a, b) => a + b, 0);
  const chosen = new Set<string>();
  const wanted = 2 + Math.floor(rng() * 3);
  while (chosen.size < wanted) {
    let r = rng() * total;
    let i = 0;
    while (i < objects.length - 1 && r >= (weights[i] ?? 0)) r -= weights[i++] ?? 0;
    chosen.add(objects[i] as string);
  }
  return [...chosen];
}

/** One generated article; a fixed `rng` seed gives the same base every time. */
export function generateArticle(rng: Rng): GeneratedArticle {
  const language: Language = rng() < 0.7 ? 'fr' : 'en';
  const w = WORDS[language];
  const subjectIndex = Math.floor(rng() * w.subjects.length);
  const subject = w.subjects[subjectIndex] as string;
  const objects = topicObjects(rng, w.objects, subjectIndex);
  const model = rng() < 0.4 ? ` ${pick(rng, MODELS)}` : '';
  const title = `${subject}${model} ${pick(rng, w.problems)} ${pick(rng, w.places)}`.trim();
  const code = `0x8007${Math.floor(rng() * 0xffff)
    .toString(16)
    .padStart(4, '0')}`;
  const step = () => `${pick(rng, w.verbs)} ${pick(rng, objects)}.`;
  const paragraph = (sentences: number) =>
    Array.from({ length: sentences }, () => (rng() < 0.5 ? step() : pick(rng, w.filler))).join(' ');
  const wanted = 150 + Math.floor(rng() * 750);
  const parts = [`${title}. ${paragraph(2)}`];
  let words = parts[0]?.split(' ').length ?? 0;
  for (let s = 0; words < wanted; s++) {
    const heading = `## ${w.sections[s % w.sections.length]}`;
    const steps = Array.from({ length: 3 + Math.floor(rng() * 5) }, (_, i) => `${i + 1}. ${step()}`).join(
      '\n',
    );
    const text = `${heading}\n\n${paragraph(3 + Math.floor(rng() * 4))} (${code})\n\n${steps}`;
    parts.push(text);
    words += text.split(/\s+/).length;
  }
  return {
    title,
    summary: paragraph(1),
    body: parts.join('\n\n'),
    language,
    tags: [subject.toLowerCase().slice(0, 60), ...(model ? [model.trim().toLowerCase()] : [])],
  };
}

export { seededRng };
