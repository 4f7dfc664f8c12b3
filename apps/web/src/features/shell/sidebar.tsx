import type { Role } from '@itsm/contracts';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CodeIcon, LogoMark } from '../../components/icons';
import { navigationFor } from './navigation';

const itemClass =
  'flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-white';
const activeClass = 'bg-indigo-50 text-indigo-700 dark:bg-indigo-950/60 dark:text-indigo-300';

/** The modules the role may use; on phones it sits in a drawer. */
export function Sidebar({ role, onNavigate }: { role: Role; onNavigate?: () => void }) {
  const { t } = useTranslation('shell');
  return (
    <div className="flex h-full flex-col gap-6 px-3 py-4">
      <Link to="/" onClick={onNavigate} className="flex items-center gap-2.5 px-2">
        <LogoMark className="size-8" />
        <span className="text-lg font-bold tracking-tight text-slate-900 dark:text-white">ITSM</span>
      </Link>
      <nav aria-label={t('nav.label')} className="flex flex-1 flex-col gap-6">
        {navigationFor(role).map((section) => (
          <div key={section.title ?? 'main'} className="flex flex-col gap-1">
            {section.title ? (
              <p className="px-3 pb-1 text-xs font-semibold tracking-wider text-slate-400 uppercase dark:text-slate-500">
                {t(`nav.${section.title}`)}
              </p>
            ) : null}
            {section.items.map((item) => (
              <Link
                key={item.to}
                to={item.to}
                onClick={onNavigate}
                activeOptions={{ exact: item.to === '/' }}
                className={itemClass}
                activeProps={{ className: activeClass, 'aria-current': 'page' }}
              >
                <item.icon className="size-5 shrink-0" />
                {t(`nav.${item.label}`)}
              </Link>
            ))}
            {section.title === 'administration' ? (
              <a href="/api/docs" className={itemClass} target="_blank" rel="noopener">
                <CodeIcon className="size-5 shrink-0" />
                {t('nav.apiDocs')}
              </a>
            ) : null}
          </div>
        ))}
      </nav>
    </div>
  );
}
