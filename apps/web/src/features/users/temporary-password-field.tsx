import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/field';
import { generatePassword } from './passwords';

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** A password was generated (and is now shown). */
  onGenerate: (password: string) => void;
  onBlur?: () => void;
  name?: string;
  error?: string;
  isRequired?: boolean;
  autoFocus?: boolean;
};

/** A password an administrator sets for someone: typed or generated, hidden or shown. */
export function TemporaryPasswordField({ onGenerate, ...props }: Props) {
  const { t } = useTranslation('users');
  const [reveal, setReveal] = useState(false);
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
      <TextField
        {...props}
        type={reveal ? 'text' : 'password'}
        description={t('form.passwordHint')}
        autoComplete="new-password"
        spellCheck="false"
        className="flex-1"
      />
      <div className="flex gap-2 sm:mt-[1.625rem]">
        <Button
          variant="secondary"
          onPress={() => {
            onGenerate(generatePassword());
            setReveal(true);
          }}
        >
          {t('form.generate')}
        </Button>
        <Button variant="ghost" onPress={() => setReveal(!reveal)}>
          {reveal ? t('form.hide') : t('form.show')}
        </Button>
      </div>
    </div>
  );
}
