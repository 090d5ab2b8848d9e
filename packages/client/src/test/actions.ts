import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/** Opens the account menu in the header and chooses Log out, as a person would. */
export async function logOutFromMenu(user: UserEvent, logOutLabel = 'Log out') {
  await user.click(await screen.findByRole('button', { name: /^Signed in as/ }));
  await user.click(await screen.findByRole('menuitem', { name: logOutLabel }));
}

/** Opens a section's form with its Edit button; returns the section. */
export async function openSection(user: UserEvent, sectionName: string | RegExp) {
  // The section may still be loading: wait for its Edit button.
  const edit = await waitFor(() => {
    const section = screen.getByRole('region', { name: sectionName });
    return within(section).getByRole('button', { name: /^(Edit|Editar) / });
  });
  await user.click(edit);
  return screen.getByRole('region', { name: sectionName });
}

/** The toast that says `text` (toasts live in the Notifications region, outside the page). */
export async function findToast(text: string | RegExp) {
  const region = await screen.findByRole('region', { name: /Notifications|Notificaciones/ });
  return within(region).findByText(text);
}
