import { useEffect } from 'react';
import { useParams } from 'react-router';
import { rememberOrganization } from './rememberedOrganization';

/** The organization named in the page's path; opening it makes it the remembered one. */
export function useOrganizationId(): string {
  const { organizationId = '' } = useParams();
  useEffect(() => {
    if (organizationId) rememberOrganization(organizationId);
  }, [organizationId]);
  return organizationId;
}
