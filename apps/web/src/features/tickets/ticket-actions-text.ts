import type { TicketAction } from '@itsm/contracts';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/ui/states';
import { ApiError } from '../../lib/api';

/** The actions the server refuses without a reason (workflow.ts on the server). */
export const ACTIONS_WITH_REASON: ReadonlySet<TicketAction> = new Set([
  'refuse',
  'wait',
  'reject',
  'reopen',
  'cancel',
]);

const KNOWN_CODES = [
  'TICKET_NOT_FOUND',
  'TRANSITION_NOT_ALLOWED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'ATTACHMENT_NOT_FOUND',
  'SURVEY_ANSWERED',
  'FORBIDDEN',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];
const isKnown = (code: string): code is KnownCode => (KNOWN_CODES as readonly string[]).includes(code);

/** A help-desk problem in the user's words when its code is known, else the server's text. */
export function useTicketErrorText() {
  const { t } = useTranslation('tickets');
  return (code: string, detail: string) => (isKnown(code) ? t(`errors.${code}`) : detail);
}

/** The message of a failed help-desk request (ticket codes first, then the shell's). */
export function useTicketErrorMessage() {
  const text = useTicketErrorText();
  return (error: unknown) =>
    error instanceof ApiError && isKnown(error.code) ? text(error.code, error.message) : errorMessage(error);
}
