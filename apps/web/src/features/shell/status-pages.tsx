import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { buttonClass } from '../../components/ui/button';

function StatusPage({ code, message }: { code: string; message: string }) {
  const { t } = useTranslation('shell');
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-4 py-20 text-center">
      <p className="text-5xl font-bold text-indigo-600 dark:text-indigo-400">{code}</p>
      <h1 className="text-lg font-semibold text-slate-900 dark:text-white">{message}</h1>
      <Link to="/" className={buttonClass('secondary')}>
        {t('states.backHome')}
      </Link>
    </div>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation('shell');
  return <StatusPage code="403" message={t('states.forbidden')} />;
}

export function NotFoundPage() {
  const { t } = useTranslation('shell');
  return <StatusPage code="404" message={t('states.notFound')} />;
}
