import { Field, ID, ObjectType } from 'type-graphql';

/** The API view of an account: no password hash or other secret is a field here. */
@ObjectType('Account', { description: 'A person who signs in to Atrium' })
export class Account {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  fullName: string;

  @Field(() => String, { nullable: true })
  username: string | null;

  @Field(() => String, { nullable: true, description: 'E.164, once verified' })
  phone: string | null;

  @Field({ description: 'IANA time zone, such as Europe/Madrid' })
  timezone: string;

  @Field({ description: 'UI language: en or es' })
  locale: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code' })
  country: string | null;

  @Field(() => String, { nullable: true })
  avatarUrl: string | null;

  @Field()
  mfaEnabled: boolean;

  @Field()
  createdAt: Date;
}
