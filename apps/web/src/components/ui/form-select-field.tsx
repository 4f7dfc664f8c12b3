import type { ComponentProps } from 'react';
import { type Control, Controller, type FieldValues, type Path } from 'react-hook-form';
import { SelectField } from './select-field';

type Props<T extends FieldValues> = Omit<
  ComponentProps<typeof SelectField>,
  'value' | 'onChange' | 'name'
> & {
  control: Control<T>;
  name: Path<T>;
};

/** A SelectField bound to a react-hook-form field; the given `error`, else the form's, shows under it. */
export function FormSelectField<T extends FieldValues>({ control, name, error, ...props }: Props<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <SelectField
          {...props}
          name={field.name}
          value={field.value}
          onChange={field.onChange}
          error={error ?? fieldState.error?.message}
        />
      )}
    />
  );
}
