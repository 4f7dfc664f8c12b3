// The desktop app's page: plain HTML, CSS and JavaScript served by the agent (no build step, so
// that the single-file executable carries it). Strings in French and English.

export const APP_HTML = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ITSM</title>
<link rel="stylesheet" href="/app.css">
<script src="/app.js" defer></script>
</head>
<body>
<header>
  <strong data-t="title"></strong>
  <span id="online" class="pill"></span>
  <span class="spacer"></span>
  <span id="who" class="muted"></span>
  <button id="lang" class="link" type="button"></button>
  <button id="sign-out" class="link" type="button" hidden data-t="signOut"></button>
</header>
<main>
  <section class="card" id="computer">
    <h2 data-t="computer"></h2>
    <dl id="facts"></dl>
    <p class="muted"><span id="sync"></span> <button id="sync-now" class="link" type="button" data-t="syncNow"></button></p>
  </section>
  <section class="card" id="sign-in" hidden>
    <h2 data-t="signInTitle"></h2>
    <p class="muted" data-t="signInHelp"></p>
    <form id="sign-in-form">
      <label><span data-t="username"></span><input name="username" autocomplete="username" required></label>
      <label><span data-t="password"></span><input name="password" type="password" autocomplete="current-password" required></label>
      <label id="otp-field" hidden><span data-t="otp"></span><input name="otp" inputmode="numeric" autocomplete="one-time-code"></label>
      <p class="error" id="sign-in-error" role="alert"></p>
      <button type="submit" data-t="signIn"></button>
    </form>
  </section>
  <section class="card" id="new-ticket" hidden>
    <h2 data-t="newTicket"></h2>
    <form id="ticket-form">
      <label><span data-t="ticketTitle"></span><input name="title" maxlength="200" required></label>
      <label><span data-t="description"></span><textarea name="description" rows="4"></textarea></label>
      <label><span data-t="urgency"></span>
        <select name="urgency">
          <option value="5" data-t="u5"></option><option value="4" data-t="u4"></option>
          <option value="3" data-t="u3" selected></option><option value="2" data-t="u2"></option>
          <option value="1" data-t="u1"></option>
        </select>
      </label>
      <p class="muted" data-t="attached"></p>
      <p class="notice" id="ticket-notice" role="status"></p>
      <button type="submit" data-t="send"></button>
    </form>
  </section>
  <section class="card" id="my-tickets" hidden>
    <h2 data-t="myTickets"></h2>
    <ul id="tickets"></ul>
  </section>
</main>
</body>
</html>`;

export const LOCKED_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>ITSM</title><link rel="stylesheet" href="/app.css"></head>
<body><main><section class="card">
<h2>ITSM</h2>
<p>Ouvrez cette application avec la commande <code>itsm-agent open</code>.</p>
<p>Open this app with the <code>itsm-agent open</code> command.</p>
</section></main></body></html>`;

export const APP_CSS = `
:root { color-scheme: light; --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --brand: #2563eb; --bg: #f5f7fb; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
header { display: flex; align-items: center; gap: .75rem; padding: .75rem 1.25rem; background: #fff; border-bottom: 1px solid var(--line); }
.spacer { flex: 1; }
main { max-width: 760px; margin: 1.25rem auto; padding: 0 1rem; display: grid; gap: 1rem; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.25rem; }
h2 { font-size: 1.05rem; margin: 0 0 .75rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dt { color: var(--muted); }
dd { margin: 0; }
.muted { color: var(--muted); font-size: .9rem; }
label { display: grid; gap: .25rem; margin-bottom: .75rem; font-weight: 500; }
input, textarea, select { font: inherit; padding: .5rem .6rem; border: 1px solid #d1d5db; border-radius: 6px; }
button { font: inherit; cursor: pointer; border: 0; border-radius: 6px; padding: .5rem 1rem; background: var(--brand); color: #fff; }
button.link { background: none; color: var(--brand); padding: .25rem .5rem; }
.pill { font-size: .8rem; border-radius: 999px; padding: .1rem .6rem; background: #dcfce7; color: #166534; }
.pill.off { background: #fee2e2; color: #991b1b; }
.error { color: #b91c1c; min-height: 1.2em; margin: 0 0 .5rem; }
.notice { color: #92400e; min-height: 1.2em; margin: 0 0 .5rem; }
ul { list-style: none; padding: 0; margin: 0; }
li { display: flex; gap: .75rem; align-items: baseline; padding: .6rem 0; border-top: 1px solid var(--line); }
li:first-child { border-top: 0; }
li .title { flex: 1; }
.badge { font-size: .8rem; border-radius: 6px; padding: .05rem .5rem; background: #eef2ff; color: #3730a3; white-space: nowrap; }
.badge.queued { background: #fef3c7; color: #92400e; }
.badge.refused { background: #fee2e2; color: #991b1b; }
code { background: #f3f4f6; padding: .1rem .3rem; border-radius: 4px; }
`;

export const APP_JS = `
const STRINGS = {
  fr: {
    title: 'Assistance informatique', online: 'Connecté au serveur', offline: 'Serveur injoignable',
    computer: 'Cet ordinateur', hostname: 'Nom', os: 'Système', model: 'Modèle', serial: 'N° de série',
    cpu: 'Processeur', memory: 'Mémoire', gb: 'Go', addresses: 'Adresses IP',
    lastSync: 'Dernière synchronisation : ', syncNow: 'Synchroniser maintenant', never: 'jamais', queued: ' élément(s) en attente d’envoi.',
    signInTitle: 'Connexion', signInHelp: 'Connectez-vous une fois avec votre compte ITSM pour suivre vos tickets.',
    username: 'Identifiant', password: 'Mot de passe', otp: 'Code de vérification', signIn: 'Se connecter',
    signOut: 'Se déconnecter', newTicket: 'Signaler un problème', ticketTitle: 'Titre', description: 'Description',
    urgency: 'Urgence', u5: 'Très haute', u4: 'Haute', u3: 'Moyenne', u2: 'Basse', u1: 'Très basse',
    attached: 'Les informations de cet ordinateur sont jointes automatiquement.', send: 'Envoyer',
    myTickets: 'Mes tickets', none: 'Aucun ticket pour l’instant.', waiting: 'En attente d’envoi',
    refused: 'Refusé', queuedNotice: 'Le serveur est injoignable : votre ticket est en attente et sera envoyé automatiquement.',
    sentNotice: 'Ticket envoyé.', otpNeeded: 'Saisissez le code de votre application d’authentification.',
    unreachable: 'Le serveur est injoignable. Réessayez plus tard.', lang: 'English',
    status: { new: 'Nouveau', assigned: 'Attribué', in_progress: 'En cours', pending: 'En attente', resolved: 'Résolu', closed: 'Clos', cancelled: 'Annulé', waiting_approval: 'En attente d’approbation', refused: 'Refusé' },
  },
  en: {
    title: 'IT support', online: 'Connected to the server', offline: 'Server unreachable',
    computer: 'This computer', hostname: 'Name', os: 'System', model: 'Model', serial: 'Serial number',
    cpu: 'Processor', memory: 'Memory', gb: 'GB', addresses: 'IP addresses',
    lastSync: 'Last synchronisation: ', syncNow: 'Synchronise now', never: 'never', queued: ' item(s) waiting to be sent.',
    signInTitle: 'Sign in', signInHelp: 'Sign in once with your ITSM account to follow your tickets.',
    username: 'Username', password: 'Password', otp: 'Verification code', signIn: 'Sign in',
    signOut: 'Sign out', newTicket: 'Report a problem', ticketTitle: 'Title', description: 'Description',
    urgency: 'Urgency', u5: 'Very high', u4: 'High', u3: 'Medium', u2: 'Low', u1: 'Very low',
    attached: 'This computer’s details are attached automatically.', send: 'Send',
    myTickets: 'My tickets', none: 'No tickets yet.', waiting: 'Waiting to be sent',
    refused: 'Refused', queuedNotice: 'The server is unreachable: your ticket is waiting and will be sent automatically.',
    sentNotice: 'Ticket sent.', otpNeeded: 'Enter the code from your authenticator app.',
    unreachable: 'The server is unreachable. Try again later.', lang: 'Français',
    status: { new: 'New', assigned: 'Assigned', in_progress: 'In progress', pending: 'Pending', resolved: 'Resolved', closed: 'Closed', cancelled: 'Cancelled', waiting_approval: 'Waiting for approval', refused: 'Refused' },
  },
};
let lang = localStorage.getItem('lang') || (navigator.language.startsWith('fr') ? 'fr' : 'en');
const t = (key) => STRINGS[lang][key] ?? key;
const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};
const when = (iso) => (iso ? new Date(iso).toLocaleString(lang) : t('never'));

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw Object.assign(new Error(data.message || response.statusText), { code: data.code, status: response.status });
  return data;
}

function translate() {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll('[data-t]')) node.textContent = t(node.dataset.t);
  $('lang').textContent = t('lang');
}

let state = null;
async function refresh() {
  state = await api('GET', '/api/state');
  const c = state.computer;
  const gb = c.memory_mb ? new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(c.memory_mb / 1024) + ' ' + t('gb') : null;
  const facts = [['hostname', c.hostname], ['os', c.os], ['model', [c.manufacturer, c.model].filter(Boolean).join(' ')],
    ['serial', c.serial], ['cpu', c.cpu], ['memory', gb], ['addresses', c.addresses.join(', ')]];
  $('facts').replaceChildren(...facts.filter(([, v]) => v).flatMap(([k, v]) => [el('dt', { textContent: t(k) }), el('dd', { textContent: v })]));
  $('sync').textContent = t('lastSync') + when(state.sync.last_sync_at) + (state.sync.queued ? ' — ' + state.sync.queued + t('queued') : '');
  const signedIn = Boolean(state.employee);
  $('sign-in').hidden = signedIn;
  $('new-ticket').hidden = !signedIn;
  $('my-tickets').hidden = !signedIn;
  $('sign-out').hidden = !signedIn;
  $('who').textContent = signedIn ? state.employee.name : '';
  if (signedIn) await refreshTickets();
  else setOnline(!state.sync.last_error);
}

function setOnline(online) {
  $('online').textContent = online ? t('online') : t('offline');
  $('online').className = online ? 'pill' : 'pill off';
}

async function refreshTickets() {
  let data;
  try {
    data = await api('GET', '/api/tickets');
  } catch (error) {
    if (error.code === 'SIGN_IN_REQUIRED') return refresh();
    throw error;
  }
  setOnline(data.online);
  const items = data.tickets.map((ticket) => {
    const label = ticket.delivery === 'queued' ? t('waiting') : ticket.delivery === 'refused' ? t('refused') : (STRINGS[lang].status[ticket.status] || ticket.status);
    return el('li', { className: 'ticket ' + ticket.delivery, title: ticket.reason || '' },
      el('span', { className: 'muted', textContent: ticket.number || '—' }),
      el('span', { className: 'title', textContent: ticket.title }),
      el('span', { className: 'badge ' + ticket.delivery, textContent: label }));
  });
  $('tickets').replaceChildren(...(items.length ? items : [el('li', { className: 'muted', textContent: t('none') })]));
}

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  $('sign-in-error').textContent = '';
  try {
    await api('POST', '/api/sign-in', Object.fromEntries(form));
    event.target.reset();
    $('otp-field').hidden = true;
    await refresh();
  } catch (error) {
    if (error.code === 'MFA_REQUIRED') { $('otp-field').hidden = false; $('sign-in-error').textContent = t('otpNeeded'); }
    else $('sign-in-error').textContent = error.status === 503 ? t('unreachable') : error.message;
  }
});

$('ticket-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = Object.fromEntries(new FormData(event.target));
  const result = await api('POST', '/api/tickets', { ...form, urgency: Number(form.urgency) });
  event.target.reset();
  $('ticket-notice').textContent = result.queued ? t('queuedNotice') : t('sentNotice');
  await refresh();
});

$('sync-now').addEventListener('click', async () => { await api('POST', '/api/sync', {}); await refresh(); });
$('sign-out').addEventListener('click', async () => { await api('POST', '/api/sign-out', {}); await refresh(); });
$('lang').addEventListener('click', () => { lang = lang === 'fr' ? 'en' : 'fr'; localStorage.setItem('lang', lang); translate(); refresh(); });

translate();
refresh();
setInterval(() => { refresh().catch(() => setOnline(false)); }, 15000);
`;
