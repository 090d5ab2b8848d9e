import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { SelectField, TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { useCreateApiKeyMutation, type ApiKeyScope, type Role } from '../../generated/graphql';
import { useFormFields } from '../../lib/useFormFields';
import { addApiKeyToOrganization } from './apiKeysCache';
import { EXPIRY_CHOICES, expiresAtFor, firstExpiryDay, type ExpiryChoice } from './expiry';
import type { ScopeChoice } from './scopeGroups';
import { ScopePicker } from './ScopePicker';
import { SecretReveal } from './SecretReveal';

interface CreateApiKeyDialogProps {
  organizationId: string;
  myRole: Role;
  scopeChoices: ReadonlyArray<ScopeChoice>;
  /** The account's time zone: a chosen expiry day ends at its midnight. */
  timeZone: string;
  /** After the secret was shown and the person is done with it. */
  onCreated(name: string): void;
  onCancel(): void;
}

interface Created {
  name: string;
  secret: string;
}

/** Creates a key (in sudo mode: the app asks for the password when needed), then shows its secret once. */
export function CreateApiKeyDialog(props: CreateApiKeyDialogProps) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<Created | null>(null);
  if (created) {
    return (
      <Dialog
        title={t('apiKeys.secret.createdTitle')}
        onCancel={() => props.onCreated(created.name)}
      >
        {() => (
          <SecretReveal
            name={created.name}
            secret={created.secret}
            onDone={() => props.onCreated(created.name)}
          />
        )}
      </Dialog>
    );
  }
  return <CreateApiKeyForm {...props} onIssued={setCreated} />;
}

interface FormValues {
  name: string;
  expiry: ExpiryChoice;
  expiresOn: string;
  scopes: ApiKeyScope[];
}

function CreateApiKeyForm({
  organizationId,
  myRole,
  scopeChoices,
  timeZone,
  onCancel,
  onIssued,
}: CreateApiKeyDialogProps & { onIssued(created: Created): void }) {
  const { t } = useTranslation();
  const form = useFormFields<FormValues>({
    name: '',
    expiry: 'never',
    expiresOn: '',
    scopes: [],
  });
  const { values, fieldErrors } = form;
  const [create, { loading }] = useCreateApiKeyMutation({
    update(cache, { data }) {
      const ref = data && cache.identify(data.createApiKey.apiKey);
      if (ref) addApiKeyToOrganization(cache, organizationId, { __ref: ref });
    },
  });
  const firstDay = firstExpiryDay(Date.now(), timeZone);

  function toggle(scope: ApiKeyScope, checked: boolean) {
    const others = values.scopes.filter((chosen) => chosen !== scope);
    form.update('scopes', checked ? [...others, scope] : others);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const noScopes = values.scopes.length === 0 ? t('apiKeys.form.scopesRequired') : null;
    const custom = values.expiry === 'custom';
    const badDay =
      custom && values.expiresOn !== '' && values.expiresOn < firstDay
        ? t('apiKeys.form.expiryDateAfterToday')
        : null;
    if (
      !form.check(custom ? ['name', 'expiresOn'] : ['name'], {
        scopes: noScopes,
        expiresOn: badDay,
      })
    ) {
      return;
    }
    const name = values.name.trim();
    try {
      const { data } = await create({
        variables: {
          input: {
            organizationId,
            name,
            scopes: values.scopes,
            expiresAt: expiresAtFor(values.expiry, values.expiresOn, timeZone, Date.now()),
          },
        },
      });
      if (data) onIssued({ name: data.createApiKey.apiKey.name, secret: data.createApiKey.secret });
    } catch (error) {
      form.fail(error);
    }
  }

  // The API names the expiry `expiresAt`; it belongs to whichever control chose it.
  const expiryError = fieldErrors.expiresAt;

  return (
    <Dialog title={t('apiKeys.form.title')} onCancel={onCancel} busy={loading}>
      {() => (
        <form ref={form.formRef} noValidate onSubmit={(event) => void handleSubmit(event)}>
          <FormAlert message={form.alert} />
          <TextField
            label={t('apiKeys.form.name')}
            hint={t('apiKeys.form.nameHint')}
            name="name"
            autoComplete="off"
            maxLength={100}
            required
            {...form.bind('name')}
          />
          <ScopePicker
            choices={scopeChoices}
            myRole={myRole}
            selected={values.scopes}
            onToggle={toggle}
            error={fieldErrors.scopes}
          />
          <SelectField
            label={t('apiKeys.form.expiry')}
            name="expiry"
            value={values.expiry}
            error={values.expiry === 'custom' ? undefined : expiryError}
            onChange={(event) => {
              const choice = EXPIRY_CHOICES.find((option) => option === event.target.value);
              if (choice) form.update('expiry', choice);
            }}
          >
            {EXPIRY_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {t(EXPIRY_LABELS[choice])}
              </option>
            ))}
          </SelectField>
          {values.expiry === 'custom' && (
            <TextField
              label={t('apiKeys.form.expiryDate')}
              hint={t('apiKeys.form.expiryDateHint', { timeZone })}
              name="expiresOn"
              type="date"
              min={firstDay}
              required
              {...form.bind('expiresOn')}
              error={fieldErrors.expiresOn ?? expiryError}
            />
          )}
          <div className="dialog-actions">
            <button type="button" onClick={onCancel} disabled={loading}>
              {t('app.cancel')}
            </button>
            <button type="submit" className="primary" disabled={loading}>
              {loading ? t('apiKeys.form.creating') : t('apiKeys.form.submit')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

const EXPIRY_LABELS = {
  never: 'apiKeys.form.expiryNever',
  '30': 'apiKeys.form.expiry30',
  '90': 'apiKeys.form.expiry90',
  '365': 'apiKeys.form.expiry365',
  custom: 'apiKeys.form.expiryCustom',
} as const satisfies Record<ExpiryChoice, string>;
