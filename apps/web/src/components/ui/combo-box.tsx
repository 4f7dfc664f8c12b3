import { clsx } from 'clsx';
import type { ReactNode } from 'react';
import {
  ComboBox as AriaComboBox,
  Button,
  FieldError,
  Input,
  type Key,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components';
import { inputClass } from './field';

export type ComboBoxOption = { id: number | string; label: string; description?: string };

type Props = {
  label: ReactNode;
  /** The text typed; the caller searches with it (server-side), so the list is not filtered here. */
  inputValue: string;
  onInputChange: (value: string) => void;
  items: ComboBoxOption[];
  selectedKey: Key | null;
  onSelectionChange: (key: Key | null) => void;
  /** Shown in the list when nothing matches (or while the first answer is loading). */
  emptyLabel: string;
  isLoading?: boolean;
  loadingLabel?: string;
  /** A ✕ button that empties the choice (an optional field); its accessible name. */
  clearLabel?: string;
  description?: ReactNode;
  error?: string;
  placeholder?: string;
  isDisabled?: boolean;
  autoFocus?: boolean;
  className?: string;
};

/** A searchable select: type to search, arrows and Enter to choose (react-aria ComboBox). */
export function ComboBox(props: Props) {
  const showClear = props.clearLabel && props.selectedKey !== null && !props.isDisabled;
  return (
    <AriaComboBox
      inputValue={props.inputValue}
      onInputChange={props.onInputChange}
      items={props.items}
      selectedKey={props.selectedKey}
      onSelectionChange={props.onSelectionChange}
      menuTrigger="focus"
      allowsEmptyCollection
      isInvalid={Boolean(props.error)}
      isDisabled={props.isDisabled}
      autoFocus={props.autoFocus}
      className={clsx('flex flex-col gap-1.5', props.className)}
    >
      <Label className="text-sm font-medium text-slate-700 dark:text-slate-300">{props.label}</Label>
      <div className="relative">
        <Input placeholder={props.placeholder} className={clsx(inputClass, showClear ? 'pr-16' : 'pr-9')} />
        {showClear ? (
          <Button
            slot={null}
            aria-label={props.clearLabel}
            onPress={() => {
              props.onSelectionChange(null);
              props.onInputChange('');
            }}
            className="absolute top-1/2 right-8 inline-flex size-7 -translate-y-1/2 items-center justify-center rounded-md text-slate-400 outline-none hover:bg-slate-100 hover:text-slate-700 data-[focus-visible]:outline-2 data-[focus-visible]:outline-indigo-600 dark:hover:bg-slate-800 dark:hover:text-slate-200"
          >
            <span aria-hidden="true">✕</span>
          </Button>
        ) : null}
        <Button className="absolute top-1/2 right-1 inline-flex size-7 -translate-y-1/2 items-center justify-center rounded-md text-slate-400 outline-none hover:bg-slate-100 hover:text-slate-700 dark:hover:bg-slate-800">
          <svg viewBox="0 0 20 20" className="size-4" fill="currentColor" aria-hidden="true">
            <path d="M5.5 7.5 10 12l4.5-4.5" stroke="currentColor" strokeWidth={1.6} fill="none" />
          </svg>
        </Button>
      </div>
      {props.description && !props.error ? (
        <Text slot="description" className="text-xs text-slate-500 dark:text-slate-400">
          {props.description}
        </Text>
      ) : null}
      <FieldError className="text-xs font-medium text-rose-600 dark:text-rose-400">{props.error}</FieldError>
      <Popover
        offset={4}
        className="w-(--trigger-width) overflow-auto rounded-xl border border-slate-200 bg-white p-1 shadow-lg outline-none dark:border-slate-800 dark:bg-slate-900"
      >
        <ListBox<ComboBoxOption>
          className="max-h-64 outline-none"
          renderEmptyState={() => (
            <p className="px-3 py-2 text-sm text-slate-500 dark:text-slate-400">
              {props.isLoading ? (props.loadingLabel ?? props.emptyLabel) : props.emptyLabel}
            </p>
          )}
        >
          {(item) => (
            <ListBoxItem
              id={item.id}
              textValue={item.label}
              className="flex cursor-default flex-col rounded-md px-3 py-2 text-sm text-slate-800 outline-none data-[focused]:bg-indigo-50 data-[selected]:font-semibold dark:text-slate-200 dark:data-[focused]:bg-slate-800"
            >
              <Text slot="label">{item.label}</Text>
              {item.description ? (
                <Text slot="description" className="text-xs font-normal text-slate-500 dark:text-slate-400">
                  {item.description}
                </Text>
              ) : null}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaComboBox>
  );
}
