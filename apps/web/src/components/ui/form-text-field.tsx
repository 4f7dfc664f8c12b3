import type { ComponentProps } from 'react';
import { type Control, Controller, type FieldValues, type Path } from 'react-hook-form';
import { TextField } from './field';

type Props<T extends FieldValues> = Omit<
  ComponentProps<typeof TextField>,
  'value' | 'onChange' | 'onBlur' | 'name' | 'error'
> & {
  control: Control<T>;
  name: Path<T>;
  /** The message to show; by default the form's (or the server's) message for this field. */
  error?: string;
  /** Rewrites what is typed before the form keeps it (e.g. upper case). */
  normalize?: (value: string) => string;
  /** Told of every change, after the form. */
  onChange?: (value: string) => void;
};

/** A TextField bound to a react-hook-form field; its message shows under it. */
export function FormTextField<T extends FieldValues>({
  control,
  name,
  error,
  normalize,
  onChange,
  ...props
}: Props<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextField
          validationBehavior="aria"
          {...props}
          name={field.name}
          value={(field.value as string | undefined) ?? ''}
          onChange={(typed) => {
            const value = normalize ? normalize(typed) : typed;
            field.onChange(value);
            onChange?.(value);
          }}
          onBlur={field.onBlur}
          isDisabled={field.disabled || props.isDisabled}
          error={error ?? fieldState.error?.message}
        />
      )}
    />
  );
}
