import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordStrength } from './passwordStrength';

/**
 * A meter with its level in words, and the rules still unmet. The words change only when the
 * level does, so the polite live region speaks up now and then, not at every key.
 */
export function PasswordStrengthMeter({ password, email }: { password: string; email?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const strength = passwordStrength(password, email);
  const levelText = t(`password.strength.levels.${strength.level}`);
  const missing = strength.missing.map((rule) => t(`password.strength.rules.${rule}`));
  return (
    <div className="password-strength">
      <span id={`${id}-label`} className="password-strength-label">
        {t('password.strength.label')}
      </span>
      <meter
        min={0}
        max={4}
        low={2}
        high={3}
        optimum={4}
        value={strength.score}
        aria-labelledby={`${id}-label`}
        aria-valuetext={levelText}
      />
      <span className="password-strength-level" aria-live="polite">
        {levelText}
      </span>
      {missing.length > 0 && (
        <p className="field-hint password-strength-missing">
          {t('password.strength.missing', { rules: missing })}
        </p>
      )}
    </div>
  );
}
