import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { describeTimeZone, isKnownTimeZone, timeZoneOptions } from './regions';

interface TimeZoneFieldProps {
  value: string;
  onChange: (zone: string) => void;
  error: string | undefined;
}

/**
 * The time zone as a searchable combobox: typing part of a city, region or offset narrows the
 * suggestions (offset and city, west to east); the hint says what the chosen zone is now.
 */
export function TimeZoneField({ value, onChange, error }: TimeZoneFieldProps) {
  const { t } = useTranslation();
  const listId = useId();
  // The list is the same while the person types; only the saved zone may add to it.
  const [initial] = useState(value);
  const options = useMemo(() => timeZoneOptions(initial), [initial]);
  return (
    <>
      <TextField
        label={t('profile.timezone')}
        name="timezone"
        list={listId}
        autoComplete="off"
        spellCheck={false}
        hint={isKnownTimeZone(value) ? describeTimeZone(value) : t('profile.timezoneHint')}
        error={error}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <datalist id={listId}>
        {options.map((zone) => (
          <option key={zone.value} value={zone.value} label={zone.label} />
        ))}
      </datalist>
    </>
  );
}
