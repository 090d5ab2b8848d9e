import { defineModule, requireService } from '../../core/module';
import { mailAccountNotices } from './account.events';
import { AccountEntity } from './account.entity';
import { AccountResolver } from './account.resolver';
import { AccountService } from './account.service';
import { CredentialsResolver } from './credentials.resolver';
import { EmailService } from './email.service';
import { PhoneService } from './phone.service';

declare module '../../core/module' {
  interface Services {
    accounts: AccountService;
    emails: EmailService;
    phones: PhoneService;
  }
}

/** The person: profile, email address and phone number. */
export const accountModule = defineModule({
  name: 'account',
  entities: [AccountEntity],
  resolvers: [AccountResolver, CredentialsResolver],
  services: ({ dataSource, delivery, limits, events }, built) => {
    const tokens = requireService(built, 'tokens', 'account');
    const recentAuth = requireService(built, 'recentAuth', 'account');
    return {
      accounts: new AccountService(dataSource),
      emails: new EmailService(dataSource, tokens, delivery, limits, recentAuth, events),
      phones: new PhoneService(dataSource, tokens, delivery, limits, recentAuth, events),
    };
  },
  subscribers: ({ emails }, { delivery }) => [mailAccountNotices(delivery), emails.subscriber],
});
