import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/Field';
import { SectionCard } from '../../components/SectionCard';
import {
  AuditEventType,
  useAuditLogFilterChoicesQuery,
  type AuditEventType as AuditEventTypeName,
} from '../../generated/graphql';
import { NO_FILTER, rangeIsInverted, type AuditFilterValues } from './auditFilter';

interface AuditFiltersProps {
  organizationId: string;
  applied: AuditFilterValues;
  onApply(values: AuditFilterValues): void;
}

const TYPES = Object.values(AuditEventType);

/**
 * The filters of the list and the export: who (a member or an API key), what (a type) and
 * when (from a day to a day, in the account's time zone). They apply when submitted.
 */
export function AuditFilters({ organizationId, applied, onApply }: AuditFiltersProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<AuditFilterValues>(applied);
  const [rangeError, setRangeError] = useState(false);
  const { data } = useAuditLogFilterChoicesQuery({ variables: { id: organizationId } });
  const members = data?.organization?.members.edges.map((edge) => edge.node.account) ?? [];
  const keys = data?.organization?.apiKeys ?? [];
  const set = (field: keyof AuditFilterValues) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (rangeIsInverted(values)) {
      setRangeError(true);
      return;
    }
    setRangeError(false);
    onApply(values);
  }

  return (
    <SectionCard titleId="audit-filters-title" title={t('audit.filtersTitle')}>
      <form className="audit-filters" aria-labelledby="audit-filters-title" onSubmit={submit}>
        <div className="audit-filter-fields">
          <SelectField
            label={t('audit.person')}
            value={values.actorAccountId}
            onChange={(event) => set('actorAccountId')(event.target.value)}
          >
            <option value="">{t('audit.anyone')}</option>
            {members.map((account) => (
              <option key={account.id} value={account.id}>
                {account.fullName ? `${account.fullName} (${account.email})` : account.email}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('audit.apiKey')}
            value={values.apiKeyId}
            onChange={(event) => set('apiKeyId')(event.target.value)}
          >
            <option value="">{t('audit.anyKey')}</option>
            {keys.map((key) => (
              <option key={key.id} value={key.id}>
                {`${key.name} (${key.prefix}…)`}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('audit.type')}
            value={values.type}
            onChange={(event) => set('type')(event.target.value as AuditEventTypeName | '')}
          >
            <option value="">{t('audit.anyType')}</option>
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`audit.types.${type}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('audit.from')}
            type="date"
            value={values.from}
            onChange={(event) => set('from')(event.target.value)}
          />
          <TextField
            label={t('audit.to')}
            type="date"
            value={values.to}
            error={rangeError ? t('audit.rangeInvalid') : undefined}
            onChange={(event) => set('to')(event.target.value)}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="primary">
            {t('audit.apply')}
          </button>
          <button
            type="button"
            onClick={() => {
              setValues(NO_FILTER);
              setRangeError(false);
              onApply(NO_FILTER);
            }}
          >
            {t('audit.clear')}
          </button>
        </div>
      </form>
    </SectionCard>
  );
}
