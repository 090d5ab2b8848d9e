import { SignUp } from './documents';
import { Actor } from './graphql';
import { uniqueEmail } from './server';

export const STRONG_PASSWORD = 'Correct-horse-9';

/** A person who has just signed up in the browser (cookie session). */
export async function signedUpBrowser(
  baseUrl: string,
  fullName = 'Test Person',
): Promise<{ actor: Actor; email: string; accountId: string }> {
  const actor = new Actor(baseUrl);
  const email = uniqueEmail(fullName.split(' ')[0].toLowerCase());
  const data = await actor.run(SignUp, { input: { email, password: STRONG_PASSWORD, fullName } });
  return { actor, email, accountId: data.signUp.account.id };
}

/** A tool holding a bearer token for a freshly signed-up account. */
export async function signedUpTool(
  baseUrl: string,
): Promise<{ actor: Actor; email: string; accountId: string }> {
  const email = uniqueEmail('tool');
  const data = await new Actor(baseUrl).run(SignUp, {
    input: { email, password: STRONG_PASSWORD, fullName: 'Tool User', issueToken: true },
  });
  return {
    actor: new Actor(baseUrl).withToken(data.signUp.token as string),
    email,
    accountId: data.signUp.account.id,
  };
}
