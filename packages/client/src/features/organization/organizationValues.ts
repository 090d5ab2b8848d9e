import type {
  OrganizationGeneralFieldsFragment,
  UpdateOrganizationInput,
} from '../../generated/graphql';

export interface OrganizationValues {
  name: string;
  industry: string;
  website: string;
}

export function valuesFromOrganization(
  organization: OrganizationGeneralFieldsFragment,
): OrganizationValues {
  return {
    name: organization.name,
    industry: organization.industry ?? '',
    website: organization.website ?? '',
  };
}

/** Only what changed; an emptied industry or website is sent as null, which clears it. */
export function changedOrganizationFields(
  saved: OrganizationValues,
  values: OrganizationValues,
): UpdateOrganizationInput {
  const input: UpdateOrganizationInput = {};
  if (values.name.trim() !== saved.name) input.name = values.name.trim();
  if (values.industry !== saved.industry) input.industry = values.industry || null;
  if (values.website.trim() !== saved.website) input.website = values.website.trim() || null;
  return input;
}
