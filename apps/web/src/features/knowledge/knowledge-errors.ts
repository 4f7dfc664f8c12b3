import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/ui/states';
import { ApiError } from '../../lib/api';

const KNOWN_CODES = [
  'ARTICLE_NOT_FOUND',
  'REVISION_NOT_FOUND',
  'REVISION_CONFLICT',
  'TRANSITION_NOT_ALLOWED',
  'KB_CATEGORY_NOT_FOUND',
  'FORBIDDEN',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];
const isKnown = (code: string): code is KnownCode => (KNOWN_CODES as readonly string[]).includes(code);

/** The message of a failed knowledge request (the knowledge base's codes first, then the shell's). */
export function useKnowledgeErrorMessage() {
  const { t } = useTranslation('knowledge');
  return (error: unknown) =>
    error instanceof ApiError && isKnown(error.code) ? t(`errors.${error.code}`) : errorMessage(error);
}

export const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;
