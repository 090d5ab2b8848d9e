import { Field, ID, ObjectType } from 'type-graphql';
import type { DomainEntity } from './domain.entity';

@ObjectType('DnsRecord', { description: 'A DNS record to publish' })
export class DnsRecord {
  @Field({ description: 'TXT' })
  type: string;

  @Field({ description: 'The full name to publish it at' })
  name: string;

  @Field()
  value: string;
}

@ObjectType('Domain', { description: 'A domain an organization claims, verified through DNS' })
export class Domain {
  @Field(() => ID)
  id: string;

  @Field()
  domain: string;

  @Field(() => DnsRecord)
  verificationRecord: DnsRecord;

  @Field(() => Date, { nullable: true, description: 'Null until the TXT record was found' })
  verifiedAt: Date | null;

  @Field()
  createdAt: Date;
}

export const VERIFICATION_PREFIX = 'atrium-verification=';

export function verificationRecord(domain: DomainEntity): DnsRecord {
  return {
    type: 'TXT',
    name: `_atrium.${domain.domain}`,
    value: `${VERIFICATION_PREFIX}${domain.verificationToken}`,
  };
}

export function toDomain(domain: DomainEntity): Domain {
  return {
    id: domain.id,
    domain: domain.domain,
    verificationRecord: verificationRecord(domain),
    verifiedAt: domain.verifiedAt,
    createdAt: domain.createdAt,
  };
}
