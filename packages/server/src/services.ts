import type { PubSub } from '@graphql-yoga/subscription';
import type { DataSource } from 'typeorm';
import type { Config } from './config/env';
import type { AtriumEvents } from './events/event-bus';
import { sessionCookiePolicy, type SessionCookiePolicy } from './http/cookies';
import { AccountService } from './modules/account/account.service';
import { AuthService } from './modules/auth/auth.service';
import { SessionService } from './modules/session/session.service';

/** The application's services, built once per server instance and shared by every request. */
export interface Services {
  accounts: AccountService;
  auth: AuthService;
  sessions: SessionService;
  cookiePolicy: SessionCookiePolicy;
  /** Key material for encryption at rest and signing (SPEC §5 SECRET_KEY). */
  secretKey: string;
  pubSub: PubSub<AtriumEvents>;
}

export function createServices(
  dataSource: DataSource,
  config: Config,
  secretKey: string,
  pubSub: PubSub<AtriumEvents>,
): Services {
  const sessions = new SessionService(dataSource, config.session, pubSub);
  return {
    accounts: new AccountService(dataSource),
    auth: new AuthService(dataSource, sessions),
    sessions,
    cookiePolicy: sessionCookiePolicy(config.production),
    secretKey,
    pubSub,
  };
}
