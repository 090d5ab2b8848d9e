import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { useToast } from '../../components/Toast';
import {
  useUpdateOrganizationMutation,
  type OrganizationGeneralFieldsFragment,
} from '../../generated/graphql';
import { useFormFields } from '../../lib/useFormFields';
import {
  changedOrganizationFields,
  valuesFromOrganization,
  type OrganizationValues,
} from './organizationValues';
import { useIndustryName } from './useIndustryName';

type Status = 'noChanges' | null;

interface GeneralFormProps {
  organization: OrganizationGeneralFieldsFragment;
  industries: ReadonlyArray<string>;
  /** After a save (and a toast saying so), or on Cancel: the section closes the form. */
  onClose?(): void;
}

export function GeneralForm({ organization, industries, onClose }: GeneralFormProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const industryName = useIndustryName();
  const saved = useMemo(() => valuesFromOrganization(organization), [organization]);
  const [status, setStatus] = useState<Status>(null);
  const form = useFormFields<OrganizationValues>(saved, { onEdit: () => setStatus(null) });
  const { values } = form;
  const [updateOrganization, { loading }] = useUpdateOrganizationMutation();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    if (!form.check(['name'])) return;
    const input = changedOrganizationFields(saved, values);
    if (Object.keys(input).length === 0) {
      setStatus('noChanges');
      return;
    }
    try {
      const { data } = await updateOrganization({ variables: { id: organization.id, input } });
      if (data) form.reset(valuesFromOrganization(data.updateOrganization));
      toast(t('organization.saved'));
      onClose?.();
    } catch (error) {
      form.fail(error); // field errors keyed by input field: name, industry, website
    }
  }

  return (
    <form
      ref={form.formRef}
      className="settings-form"
      noValidate
      onSubmit={(event) => void handleSubmit(event)}
    >
      <FormAlert message={form.alert} />
      <TextField
        label={t('organization.name')}
        name="name"
        autoComplete="organization"
        required
        {...form.bind('name')}
      />
      <SelectField label={t('organization.industry')} name="industry" {...form.bind('industry')}>
        <option value="">{t('organization.industryNone')}</option>
        {industries.map((code) => (
          <option key={code} value={code}>
            {industryName(code)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('organization.website')}
        name="website"
        type="url"
        autoComplete="url"
        hint={t('organization.websiteHint')}
        {...form.bind('website')}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={loading}>
          {loading ? t('organization.saving') : t('organization.save')}
        </button>
        {onClose && (
          <button type="button" onClick={onClose} disabled={loading}>
            {t('app.cancel')}
          </button>
        )}
        <p role="status" className="form-status">
          {status === 'noChanges' && t('organization.noChanges')}
        </p>
      </div>
    </form>
  );
}
