import type { FastifyInstance } from 'fastify';
import { createAuditLog } from '../platform/audit/audit-log.js';
import { registerAuthentication } from '../platform/auth/authenticate.js';
import { createCredentialsRepository } from '../platform/auth/credentials.repository.js';
import { createThrottle } from '../platform/auth/throttle.js';
import type { Clock } from '../platform/clock.js';
import { createMailer } from '../platform/mail/index.js';
import { resolveSecretKey } from '../platform/secret-key.js';
import { createAccountService } from './auth/account.service.js';
import { createApiTokenService } from './auth/api-tokens.service.js';
import { registerAuthRoutes } from './auth/auth.routes.js';
import { createJournalService } from './auth/journal.service.js';
import { createLoginService } from './auth/login.service.js';
import { createMfaService } from './auth/mfa.service.js';
import { registerGroupRoutes } from './groups/groups.routes.js';
import { createGroupService } from './groups/groups.service.js';
import { createSecuritySettings, registerSecuritySettingsRoutes } from './settings/security-settings.js';
import { registerSiteRoutes } from './sites/sites.routes.js';
import { createSiteService } from './sites/sites.service.js';
import { registerStructureRoutes } from './structures/structures.routes.js';
import { createStructureService } from './structures/structures.service.js';
import { registerTicketConfig } from './tickets/config/index.js';
import { registerUserRoutes } from './users/users.routes.js';
import { createUserService } from './users/users.service.js';

const MAIL_JOB = 'mail.deliver';
/** Messages queued within this delay go out in one delivery run. */
const MAIL_BATCH_MS = 250;

/**
 * Wires identity and access: authentication of every request, then users, structures, groups,
 * sites, sign-in, accounts, tokens, journals and the mail outbox with its job.
 */
export function registerIdentity(app: FastifyInstance, { clock }: { clock: Clock }) {
  const config = app.config;
  const { db } = app.database;
  const dialect = app.dialect;
  const secretKey = resolveSecretKey(config).config.secretKey;
  const audit = createAuditLog(clock);
  const credentials = createCredentialsRepository(db);
  const throttle = createThrottle(db, dialect);

  const mailer = createMailer({
    db,
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    log: app.log,
    now: clock,
  });
  const scheduler = app.scheduler;
  scheduler.every(MAIL_JOB, 30, async () => {
    await mailer.deliverDue();
  });
  scheduler.every('identity.purge', 3600, () => credentials.purgeExpired(clock()));
  app.addHook('onClose', async () => mailer.close());
  // Right after a commit, but one delivery run for a burst of messages (a busy help desk queues
  // several per second), not one each.
  let pendingDelivery: NodeJS.Timeout | null = null;
  const sendMailSoon = () => {
    pendingDelivery ??= setTimeout(() => {
      pendingDelivery = null;
      scheduler.runNow(MAIL_JOB).catch((err: unknown) => app.log.error({ err }, 'mail delivery failed'));
    }, MAIL_BATCH_MS);
  };
  app.addHook('preClose', async () => {
    if (pendingDelivery) clearTimeout(pendingDelivery);
  });

  const security = createSecuritySettings({ db, clock, audit });
  const resolver = registerAuthentication(app, {
    credentials,
    clock,
    cookie: {
      secure: config.publicUrl?.startsWith('https://') ?? false,
      idleMinutes: config.sessionIdleMinutes,
    },
    requireMfaForStaff: security.requireMfaForStaff,
  });

  const base = { db, dialect, clock, audit };
  const users = createUserService({ ...base, credentials, mailer, sendMailSoon });
  registerStructureRoutes(app, createStructureService(base));
  registerSiteRoutes(app, createSiteService(base));
  const ticketConfig = registerTicketConfig(app, base);
  registerGroupRoutes(app, createGroupService(base));
  registerUserRoutes(app, users);
  const mfa = createMfaService({ db, clock, audit, secretKey });
  registerAuthRoutes(
    app,
    {
      login: createLoginService({
        db,
        clock,
        audit,
        throttle,
        credentials,
        mfa,
        secretKey,
        sessionMaxHours: config.sessionMaxHours,
      }),
      account: createAccountService({
        db,
        clock,
        audit,
        credentials,
        throttle,
        users,
        mailer,
        sendMailSoon,
        sessionIdleMinutes: config.sessionIdleMinutes,
      }),
      mfa,
      tokens: createApiTokenService({ ...base, credentials }),
      journal: createJournalService({ db, dialect }),
    },
    resolver,
  );
  registerSecuritySettingsRoutes(app, security);
  return { audit, mailer, sendMailSoon, secretKey, resolver, ticketSettings: ticketConfig.settings };
}
