/**
 * The message under a field: the server's as it came, else the form's wording of the rule it broke
 * (`ruleMessage` gets the failed check: its type and the schema's message).
 */
export function formFieldMessage(
  error: { type?: string; message?: string } | undefined,
  ruleMessage: (error: { type?: string; message?: string }) => string,
): string | undefined {
  if (!error) return undefined;
  if (error.type === 'server') return error.message;
  return ruleMessage(error);
}

/**
 * Moves the focus to the first invalid field of the form, in reading order (our inputs take no ref
 * from react-hook-form, so it cannot do it); waits for the error messages to render.
 */
export function focusFirstError(form: HTMLFormElement | null): void {
  setTimeout(() => {
    const field = form?.querySelector<HTMLElement>(
      'input[aria-invalid="true"], select[aria-invalid="true"], textarea[aria-invalid="true"], [data-invalid] input',
    );
    field?.focus();
    field?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, 30);
}
