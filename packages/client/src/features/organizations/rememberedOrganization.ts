const STORAGE_KEY = 'atrium.organizationId';

/**
 * The organization last chosen in this browser, so that Organization and Team open on it.
 * The URL names the organization on those pages; this only picks where the menu links lead.
 */
export function rememberedOrganizationId(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: the first organization will do
  }
}

export function rememberOrganization(organizationId: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, organizationId);
  } catch {
    // storage disabled: nothing to remember with
  }
}

/** Picks the remembered organization if the account still belongs to it, else the first. */
export function chooseOrganization<T extends { id: string }>(organizations: ReadonlyArray<T>) {
  const remembered = rememberedOrganizationId();
  return organizations.find((org) => org.id === remembered) ?? organizations[0] ?? null;
}
