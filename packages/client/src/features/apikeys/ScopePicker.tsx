import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../components/Field';
import type { ApiKeyScope, Role } from '../../generated/graphql';
import { groupScopeChoices, type ScopeChoice } from './scopeGroups';

interface ScopePickerProps {
  choices: ReadonlyArray<ScopeChoice>;
  myRole: Role;
  selected: ReadonlyArray<ApiKeyScope>;
  onToggle(scope: ApiKeyScope, checked: boolean): void;
  error?: string;
}

/**
 * The scopes a key may get, one checkbox each, grouped by resource. Those my role may not grant
 * are shown disabled with the reason: nothing uses them yet, or they are beyond my role.
 */
export function ScopePicker({ choices, myRole, selected, onToggle, error }: ScopePickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const firstGrantable = choices.find((choice) => choice.unavailableReason === null)?.scope;

  return (
    <fieldset className="scope-picker" aria-describedby={error ? `${hintId} ${errorId}` : hintId}>
      <legend>{t('apiKeys.form.scopes')}</legend>
      <p id={hintId} className="field-hint">
        {t('apiKeys.form.scopesHint')}
      </p>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {groupScopeChoices(choices).map((group) => (
        <fieldset key={group.resource} className="scope-group">
          <legend>{t(`apiKeys.scopeGroups.${group.resource}`)}</legend>
          {group.choices.map(({ scope, unavailableReason }) => (
            <CheckboxField
              key={scope}
              name="scopes"
              value={scope}
              label={t(`apiKeys.scopes.${scope}`, { defaultValue: scope })}
              hint={
                unavailableReason
                  ? t(`apiKeys.unavailable.${unavailableReason}`, { role: myRole })
                  : undefined
              }
              disabled={unavailableReason !== null}
              checked={selected.includes(scope)}
              // So a failed submit focuses the first box one may tick.
              aria-invalid={error && scope === firstGrantable ? true : undefined}
              onChange={(event) => onToggle(scope, event.target.checked)}
            />
          ))}
        </fieldset>
      ))}
    </fieldset>
  );
}
