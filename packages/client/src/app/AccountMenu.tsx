import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { ChevronDown, LogOut, ShieldCheck, UserRound } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CurrentAccount } from '../features/auth/CurrentAccount';

interface AccountMenuProps {
  account: CurrentAccount;
  loggingOut: boolean;
  onLogOut(): void;
}

/** The header's account button: who is signed in, and the way out. */
export function AccountMenu({ account, loggingOut, onLogOut }: AccountMenuProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const name = account.fullName || account.email;
  const initial = name.trim().charAt(0).toUpperCase();
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className="account-trigger" disabled={loggingOut}>
        <span className="account-initial" aria-hidden="true">
          {initial}
        </span>
        <span className="account-name">
          <span className="visually-hidden">{t('shell.accountLabel')} </span>
          {loggingOut ? t('shell.loggingOut') : name}
        </span>
        <ChevronDown aria-hidden="true" size={16} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={6}>
          <DropdownMenu.Label className="menu-label">
            <span className="menu-label-name">{account.fullName}</span>
            <span className="menu-label-email">{account.email}</span>
          </DropdownMenu.Label>
          <DropdownMenu.Separator className="menu-separator" />
          <DropdownMenu.Item
            className="menu-item"
            onSelect={() => void navigate('/settings/profile')}
          >
            <UserRound aria-hidden="true" size={16} />
            {t('nav.profile')}
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className="menu-item"
            onSelect={() => void navigate('/settings/security')}
          >
            <ShieldCheck aria-hidden="true" size={16} />
            {t('nav.security')}
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="menu-separator" />
          <DropdownMenu.Item className="menu-item" onSelect={onLogOut}>
            <LogOut aria-hidden="true" size={16} />
            {t('shell.logOut')}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
