/** Only a path of this site: never an absolute or protocol-relative URL (no open redirect after sign-in). */
export function safeRedirect(target: string | undefined): string {
  return target?.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\') ? target : '/';
}
