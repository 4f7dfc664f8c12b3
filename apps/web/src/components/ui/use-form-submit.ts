import { useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { focusFirstError } from './form-errors';
import { applyServerErrors, type ServerErrorOptions, type ServerFields } from './server-errors';

/**
 * The submit of a form that saves through the API: `onSubmit(save)` runs `save` with the checked
 * values; when it fails, the server's field errors go next to their fields and the rest in
 * `formError` (to show above the buttons). With `ref={formRef}` on the form, the focus also moves to
 * the first invalid field.
 */
export function useFormSubmit<T extends FieldValues, Out = T>(
  form: Pick<UseFormReturn<T, unknown, Out>, 'handleSubmit' | 'setError'>,
  fields: ServerFields<T>,
  options?: ServerErrorOptions<T>,
) {
  const formRef = useRef<HTMLFormElement>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const onSubmit = (save: (values: Out) => Promise<void>) =>
    form.handleSubmit(
      async (values) => {
        setFormError(null);
        try {
          await save(values);
        } catch (error) {
          setFormError(applyServerErrors(error, form.setError, fields, options));
          focusFirstError(formRef.current);
        }
      },
      () => focusFirstError(formRef.current),
    );
  return { formRef, formError, setFormError, onSubmit };
}
