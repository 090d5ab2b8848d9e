import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { useAddDomainMutation } from '../../generated/graphql';
import { useFormFields } from '../../lib/useFormFields';
import { addDomainToOrganization } from './domainsCache';

/** Claims a domain; the list then shows the TXT record to publish for it. */
export function AddDomainForm({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const form = useFormFields({ domain: '' });
  const [status, setStatus] = useState<string | null>(null);
  const [addDomain, { loading }] = useAddDomainMutation({
    update(cache, { data }) {
      if (!data) return;
      const ref = cache.identify(data.addDomain);
      addDomainToOrganization(cache, organizationId, ref ? { __ref: ref } : undefined);
    },
  });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    if (!form.check(['domain'])) return;
    try {
      const domain = form.values.domain.trim().toLowerCase();
      const { data } = await addDomain({ variables: { organizationId, domain } });
      form.reset();
      if (data) setStatus(t('domains.added', { domain: data.addDomain.domain }));
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <form
      ref={form.formRef}
      className="settings-form"
      noValidate
      onSubmit={(event) => void handleSubmit(event)}
    >
      <h3>{t('domains.addTitle')}</h3>
      <FormAlert message={form.alert} />
      <TextField
        label={t('domains.domain')}
        name="domain"
        hint={t('domains.domainHint')}
        required
        value={form.values.domain}
        onChange={(event) => {
          form.update('domain', event.target.value);
          setStatus(null);
        }}
        error={form.fieldErrors.domain}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={loading}>
          {loading ? t('domains.adding') : t('domains.add')}
        </button>
        <p role="status" className="form-status">
          {status}
        </p>
      </div>
    </form>
  );
}
