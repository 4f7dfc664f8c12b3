import { type Control, Controller, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useStructures } from '../../lib/lookups';
import { structureOptions } from '../../lib/structure-options';
import { SelectField } from './select-field';

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The empty option ("Choose a structure", "None", "All structures"). */
  emptyLabel: string;
  error?: string;
  name?: string;
  className?: string;
  /** The empty option says "Loading…" until the structures come (a form field; a filter keeps "All"). */
  showLoading?: boolean;
};

/** A native select of the structures the user may see, in tree order and indented. */
export function StructureSelect({ emptyLabel, showLoading = true, ...props }: Props) {
  const { t } = useTranslation('shell');
  const structures = useStructures();
  return (
    <SelectField
      {...props}
      options={structureOptions(structures.data)}
      emptyLabel={showLoading && structures.isLoading ? t('states.loading') : emptyLabel}
    />
  );
}

/** The structure filter of a list: a structure id in the URL, or none for all of them. */
export function StructureFilter({
  value,
  onChange,
  className,
}: {
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  className?: string;
}) {
  const { t } = useTranslation('shell');
  return (
    <StructureSelect
      label={t('filters.structure')}
      emptyLabel={t('filters.allStructures')}
      className={className}
      showLoading={false}
      value={value ? String(value) : ''}
      onChange={(id) => onChange(id ? Number(id) : undefined)}
    />
  );
}

/** The structure of a form (react-hook-form), its message under it. */
export function FormStructureSelect<T extends FieldValues>({
  control,
  name,
  onChange,
  ...props
}: Omit<Props, 'value' | 'onChange' | 'name'> & {
  control: Control<T>;
  name: Path<T>;
  /** Told of every change, after the form. */
  onChange?: (value: string) => void;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <StructureSelect
          {...props}
          name={field.name}
          value={field.value}
          onChange={(value) => {
            field.onChange(value);
            onChange?.(value);
          }}
        />
      )}
    />
  );
}
