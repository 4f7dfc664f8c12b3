import type { Locale } from '@itsm/contracts';
import { type MailMessage, renderMail } from '../../platform/mail/index.js';

type Recipient = { email: string; first_name: string; locale: string };

const TEXT = {
  fr: {
    greeting: (name: string) => `Bonjour ${name},`,
    footer: 'Ce message a été envoyé automatiquement par votre service informatique.',
    reset: {
      subject: 'Réinitialisation de votre mot de passe',
      paragraphs: [
        'Une réinitialisation du mot de passe de votre compte a été demandée.',
        'Ce lien est valable une heure et ne sert qu’une fois. Si vous n’êtes pas à l’origine de la demande, ignorez ce message : votre mot de passe ne change pas.',
      ],
      action: 'Choisir un nouveau mot de passe',
    },
    invitation: {
      subject: 'Votre compte sur le portail du service informatique',
      paragraphs: (username: string) => [
        `Un compte a été créé pour vous. Votre identifiant : ${username}`,
        'Choisissez votre mot de passe avec le lien ci-dessous ; il est valable sept jours.',
      ],
      action: 'Activer mon compte',
    },
  },
  en: {
    greeting: (name: string) => `Hello ${name},`,
    footer: 'This message was sent automatically by your IT department.',
    reset: {
      subject: 'Reset your password',
      paragraphs: [
        'Someone asked to reset the password of your account.',
        'This link works once, for one hour. If you did not ask for it, ignore this message: your password stays the same.',
      ],
      action: 'Choose a new password',
    },
    invitation: {
      subject: 'Your account on the IT service portal',
      paragraphs: (username: string) => [
        `An account was created for you. Your username: ${username}`,
        'Choose your password with the link below; it works for seven days.',
      ],
      action: 'Activate my account',
    },
  },
} as const;

const textFor = (locale: string) => TEXT[(locale === 'en' ? 'en' : 'fr') satisfies Locale];

/** The e-mail with a link to choose a new password. */
export function passwordResetMail(to: Recipient, link: string): MailMessage {
  const t = textFor(to.locale);
  const body = renderMail({
    greeting: t.greeting(to.first_name),
    paragraphs: [...t.reset.paragraphs],
    action: { label: t.reset.action, url: link },
    footer: t.footer,
  });
  return { to: to.email, subject: t.reset.subject, ...body };
}

/** The e-mail that invites a new user to choose his password. */
export function invitationMail(to: Recipient & { username: string }, link: string): MailMessage {
  const t = textFor(to.locale);
  const body = renderMail({
    greeting: t.greeting(to.first_name),
    paragraphs: [...t.invitation.paragraphs(to.username)],
    action: { label: t.invitation.action, url: link },
    footer: t.footer,
  });
  return { to: to.email, subject: t.invitation.subject, ...body };
}
