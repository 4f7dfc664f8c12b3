import { clsx } from 'clsx';
import { Fragment } from 'react';
import { Button, Menu, MenuItem, MenuTrigger, Popover, Separator } from 'react-aria-components';
import { MoreIcon } from '../icons';

export type ActionItem = {
  id: string;
  label: string;
  /** Destructive actions are shown in red. */
  tone?: 'danger';
  isDisabled?: boolean;
  /** A line above this item, to set apart its group. */
  separatorBefore?: boolean;
};

type Props = {
  /** Names the button for screen readers, e.g. "Actions for Claire Rousseau". */
  label: string;
  items: ActionItem[];
  onAction: (id: string) => void;
  className?: string;
};

/** The "…" button of a row: a menu of actions (keyboard, touch and screen readers handled by react-aria). */
export function ActionMenu({ label, items, onAction, className }: Props) {
  return (
    <MenuTrigger>
      <Button
        aria-label={label}
        className={clsx(
          'inline-flex size-9 items-center justify-center rounded-lg text-slate-500 outline-none hover:bg-slate-100 hover:text-slate-900 data-[focus-visible]:outline-2 data-[focus-visible]:outline-indigo-600 data-[pressed]:bg-slate-200 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-white dark:data-[pressed]:bg-slate-700',
          className,
        )}
      >
        <MoreIcon className="size-5" />
      </Button>
      <Popover
        placement="bottom end"
        className="min-w-52 rounded-xl border border-slate-200 bg-white p-1.5 shadow-lg outline-none dark:border-slate-800 dark:bg-slate-900"
      >
        <Menu
          aria-label={label}
          className="outline-none"
          onAction={(key) => onAction(String(key))}
          disabledKeys={items.filter((i) => i.isDisabled).map((i) => i.id)}
        >
          {items.map((item) => (
            <Fragment key={item.id}>
              {item.separatorBefore ? (
                <Separator className="my-1 border-t border-slate-200 dark:border-slate-800" />
              ) : null}
              <MenuItem
                id={item.id}
                className={clsx(
                  'cursor-default rounded-md px-3 py-2 text-sm outline-none data-[disabled]:opacity-40',
                  item.tone === 'danger'
                    ? 'text-rose-700 data-[focused]:bg-rose-50 dark:text-rose-400 dark:data-[focused]:bg-rose-950/50'
                    : 'text-slate-700 data-[focused]:bg-slate-100 dark:text-slate-200 dark:data-[focused]:bg-slate-800',
                )}
              >
                {item.label}
              </MenuItem>
            </Fragment>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
