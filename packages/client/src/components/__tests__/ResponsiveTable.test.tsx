import { act, render, screen, within } from '@testing-library/react';
import { ResponsiveTable, TableCell, TableRow, layoutFor } from '../ResponsiveTable';

const COLUMNS = [
  { key: 'name', label: 'Name' },
  { key: 'email', label: 'Email' },
  { key: 'actions', label: 'Actions', actions: true },
];

/** A ResizeObserver the test drives: `resize(width)` tells every observer the new width. */
class FakeResizeObserver {
  static instances: FakeResizeObserver[] = [];
  constructor(private readonly callback: ResizeObserverCallback) {
    FakeResizeObserver.instances.push(this);
  }
  observe() {}
  disconnect() {}
  unobserve() {}
  static resize(width: number) {
    for (const observer of FakeResizeObserver.instances) {
      const entry = { contentRect: { width } } as ResizeObserverEntry;
      observer.callback([entry], observer as unknown as ResizeObserver);
    }
  }
}

function renderPeople() {
  return render(
    <>
      <h2 id="people">People</h2>
      <ResponsiveTable labelledBy="people" columns={COLUMNS} cardsBelow={640}>
        {['Bea Newcomer', 'Ada Lovelace'].map((name) => (
          <TableRow key={name}>
            <TableCell column="name" primary>
              {name}
            </TableCell>
            <TableCell column="email">{name.split(' ')[0].toLowerCase()}@example.com</TableCell>
            <TableCell column="actions">
              <button type="button">Remove {name}</button>
            </TableCell>
          </TableRow>
        ))}
      </ResponsiveTable>
    </>,
  );
}

describe('ResponsiveTable', () => {
  const original = globalThis.ResizeObserver;
  afterEach(() => {
    globalThis.ResizeObserver = original;
    FakeResizeObserver.instances = [];
  });

  it('chooses cards only when the measured width is below the threshold', () => {
    expect(layoutFor(null, 640)).toBe('table');
    expect(layoutFor(0, 640)).toBe('table'); // not laid out (hidden): nothing to go by
    expect(layoutFor(639, 640)).toBe('cards');
    expect(layoutFor(640, 640)).toBe('table');
  });

  it('is a table with row headers and an actions column where there is room', () => {
    renderPeople();
    const table = screen.getByRole('table', { name: 'People' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Name', 'Email', 'Actions']);
    expect(within(table).getByRole('rowheader', { name: 'Bea Newcomer' })).toBeInTheDocument();
    expect(within(table).getByRole('button', { name: 'Remove Ada Lovelace' })).toBeInTheDocument();
  });

  it('becomes a list of cards, each value under its column name, when it gets narrow', () => {
    globalThis.ResizeObserver = FakeResizeObserver as unknown as typeof ResizeObserver;
    renderPeople();
    expect(screen.getByRole('table', { name: 'People' })).toBeInTheDocument(); // jsdom lays nothing out
    act(() => FakeResizeObserver.resize(375));

    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'People' });
    const cards = within(list).getAllByRole('listitem');
    expect(cards).toHaveLength(2);
    expect(within(cards[0]).getByText('Bea Newcomer')).toHaveClass('data-card-title');
    expect(within(cards[0]).getByText('Email')).toHaveClass('data-card-label');
    expect(within(cards[0]).getByText('bea@example.com')).toBeInTheDocument();
    // The actions column has no label on a card: its buttons say what they do.
    expect(within(cards[0]).queryByText('Actions')).not.toBeInTheDocument();
    expect(within(cards[1]).getByRole('button', { name: 'Remove Ada Lovelace' })).toBeVisible();

    act(() => FakeResizeObserver.resize(1000));
    expect(screen.getByRole('table', { name: 'People' })).toBeInTheDocument();
  });
});
