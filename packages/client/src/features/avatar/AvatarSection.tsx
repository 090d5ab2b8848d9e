import type { ApolloCache } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { SectionCard } from '../../components/SectionCard';
import { useToast } from '../../components/Toast';
import { useRemoveAvatarMutation } from '../../generated/graphql';
import { toApiError } from '../../lib/apiError';
import { useErrorText, useFieldErrorTexts } from '../../lib/useErrorText';
import { useCurrentAccount } from '../auth/CurrentAccount';
import { AVATAR_ACCEPT, avatarFileProblem } from './avatarFile';
import { AvatarImage } from './AvatarImage';
import { uploadAvatar, type AvatarUploadResult } from './uploadAvatar';

type Status = 'uploading' | null;

/** The upload answered outside GraphQL, so the cached account learns its new picture here. */
function writeAvatarUrl(cache: ApolloCache, accountId: string, avatarUrl: string | null) {
  cache.modify({
    id: cache.identify({ __typename: 'Account', id: accountId }),
    fields: { avatarUrl: () => avatarUrl },
  });
}

/**
 * Profile → Picture: choosing a file checks it here and uploads it at once; the picture (or the
 * initials standing in for it) follows the cached account.
 */
export function AvatarSection() {
  const { t } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const fieldErrorTexts = useFieldErrorTexts();
  const account = useCurrentAccount();
  const client = useApolloClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState<Status>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [removeAvatar, { loading: removing }] = useRemoveAvatarMutation();

  function uploadErrorText(result: Extract<AvatarUploadResult, { ok: false }>): string {
    const fieldMessage = result.error && fieldErrorTexts(result.error).avatar;
    if (fieldMessage) return fieldMessage;
    if (result.status === 413) return t('avatar.problems.size');
    return result.error ? errorText(result.error) : t('errors.generic');
  }

  async function handleFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = ''; // so that choosing the same file again is a change too
    if (!file) return;
    setAlert(null);
    const problem = avatarFileProblem(file);
    setFileError(problem ? t(`avatar.problems.${problem}`) : null);
    if (problem) {
      setStatus(null);
      return;
    }
    setStatus('uploading');
    try {
      const result = await uploadAvatar(file);
      if (result.ok) {
        writeAvatarUrl(client.cache, account.id, result.avatarUrl);
        setStatus(null);
        toast(t('avatar.status.uploaded'));
      } else {
        setStatus(null);
        setFileError(uploadErrorText(result));
      }
    } catch (error) {
      setStatus(null);
      setFileError(errorText(toApiError(error)));
    }
  }

  async function remove() {
    setAlert(null);
    setFileError(null);
    try {
      await removeAvatar(); // the answer updates the cached account
      setStatus(null);
      toast(t('avatar.status.removed'));
      headingRef.current?.focus(); // the button is gone with the picture
    } catch (error) {
      setStatus(null);
      setAlert(errorText(toApiError(error)));
    }
  }

  return (
    <SectionCard titleId="avatar-title" title={t('avatar.title')} headingRef={headingRef}>
      <FormAlert message={alert} />
      <div className="avatar-row">
        <AvatarImage account={account} />
        <div className="avatar-controls">
          <TextField
            label={t('avatar.fileLabel')}
            name="avatar"
            type="file"
            accept={AVATAR_ACCEPT}
            hint={t('avatar.hint')}
            error={fileError ?? undefined}
            onChange={(event) => void handleFile(event)}
          />
          <div className="form-actions">
            {account.avatarUrl && (
              <button type="button" disabled={removing} onClick={() => void remove()}>
                {removing ? t('avatar.removing') : t('avatar.remove')}
              </button>
            )}
            <p role="status" className="form-status">
              {status && t(`avatar.status.${status}`)}
            </p>
          </div>
        </div>
      </div>
    </SectionCard>
  );
}
