import { SecretBox } from '../../lib/secret-box';
import type { WebhookEndpointEntity } from './webhook-endpoint.entity';

/** Endpoint signing secrets, sealed at rest with a key derived from SECRET_KEY for this purpose. */
export class WebhookSecrets {
  private readonly box: SecretBox;

  constructor(secretKey: string) {
    this.box = new SecretBox(secretKey, 'webhook-secret');
  }

  seal(secret: string): string {
    return this.box.seal(Buffer.from(secret, 'utf8'));
  }

  open(sealed: string): string {
    return this.box.open(sealed).toString('utf8');
  }

  /** The secrets that sign now: the current one, and the previous one during a rotation. */
  signingSecrets(
    endpoint: Pick<
      WebhookEndpointEntity,
      'secretSealed' | 'previousSecretSealed' | 'previousSecretExpiresAt'
    >,
    now = new Date(),
  ): string[] {
    const secrets = [this.open(endpoint.secretSealed)];
    if (
      endpoint.previousSecretSealed &&
      endpoint.previousSecretExpiresAt &&
      endpoint.previousSecretExpiresAt > now
    ) {
      secrets.push(this.open(endpoint.previousSecretSealed));
    }
    return secrets;
  }
}
