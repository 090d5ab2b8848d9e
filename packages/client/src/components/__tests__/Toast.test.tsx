import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MAX_TOASTS, ToastProvider, useToast, type ToastTone } from '../Toast';

function Buttons() {
  const toast = useToast();
  const say = (message: string, tone?: ToastTone) => () => toast(message, tone);
  return (
    <>
      <button type="button" onClick={say('Profile saved')}>
        Save
      </button>
      <button type="button" onClick={say('Record not found yet', 'warning')}>
        Verify
      </button>
      {[1, 2, 3, 4].map((n) => (
        <button key={n} type="button" onClick={say(`Message ${n}`)}>
          Say {n}
        </button>
      ))}
    </>
  );
}

function renderToasts() {
  const user = userEvent.setup();
  render(
    <ToastProvider>
      <Buttons />
    </ToastProvider>,
  );
  const region = () => screen.getByRole('region', { name: /Notifications/ });
  return { user, region };
}

describe('toasts', () => {
  it('shows a confirmation in the notifications region with its tone, until dismissed', async () => {
    const { user, region } = renderToasts();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    const saved = within(region()).getByText('Profile saved').closest('.toast');
    const waiting = within(region()).getByText('Record not found yet').closest('.toast');
    expect(saved).toHaveClass('toast-success');
    expect(waiting).toHaveClass('toast-warning');

    // By keyboard (jsdom has no pointer capture, which the toast's swipe handling uses).
    within(saved as HTMLElement)
      .getByRole('button', { name: 'Dismiss' })
      .focus();
    await user.keyboard('{Enter}');
    expect(within(region()).queryByText('Profile saved')).not.toBeInTheDocument();
    expect(within(region()).getByText('Record not found yet')).toBeInTheDocument();
  });

  it(`keeps at most ${MAX_TOASTS}, dropping the oldest`, async () => {
    const { user, region } = renderToasts();
    for (const n of [1, 2, 3, 4])
      await user.click(screen.getByRole('button', { name: `Say ${n}` }));

    const shown = within(region())
      .getAllByText(/^Message \d$/)
      .map((node) => node.textContent);
    expect(shown).toEqual(['Message 2', 'Message 3', 'Message 4']);
  });

  it('refuses to be used outside its provider', () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<Buttons />)).toThrow(/ToastProvider/);
  });
});
