import type { Seeder } from '../../seed/seeder.js';
import { createSettingsRepository } from './settings.repository.js';

const DEMO_SETTINGS: Record<string, unknown> = {
  'organisation.name': 'Démo Industries',
  'organisation.default_locale': 'fr',
  'organisation.time_zone': 'Europe/Paris',
};

export const settingsSeeder: Seeder = {
  name: 'settings',
  description: 'Organisation name, default language and time zone',
  async run({ db, now, progress }) {
    const settings = createSettingsRepository(db);
    const bar = progress('settings', Object.keys(DEMO_SETTINGS).length);
    for (const [key, value] of Object.entries(DEMO_SETTINGS)) {
      await settings.set(key, value, now());
      bar.tick();
    }
    bar.stop();
    return `${Object.keys(DEMO_SETTINGS).length} settings`;
  },
};
