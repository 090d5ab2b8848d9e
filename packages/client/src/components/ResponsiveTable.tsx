import {
  createContext,
  useContext,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';

export interface TableColumn {
  key: string;
  label: string;
  /** The column of row buttons: right-aligned, never wrapped, unlabelled on cards. */
  actions?: boolean;
}

type Layout = 'table' | 'cards';

interface TableContextValue {
  layout: Layout;
  columns: ReadonlyArray<TableColumn>;
}

const TableContext = createContext<TableContextValue | null>(null);

function useTable(): TableContextValue {
  const table = useContext(TableContext);
  if (!table) throw new Error('Table rows and cells belong inside a <ResponsiveTable>');
  return table;
}

/** The width (px) below which a table becomes cards, when the table does not say. */
export const DEFAULT_CARDS_BELOW = 640;

/**
 * Chooses the layout from the width the table has (not the window's: the nav takes some). No
 * width yet, or none because it is not laid out (hidden), is a table.
 */
export function layoutFor(width: number | null, cardsBelow: number): Layout {
  return width !== null && width > 0 && width < cardsBelow ? 'cards' : 'table';
}

function useContainerWidth(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    // Without ResizeObserver (jsdom), the table it is.
    if (!element || typeof ResizeObserver === 'undefined') return;
    setWidth(element.getBoundingClientRect().width);
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

interface ResponsiveTableProps {
  /** The id of the heading that names the table (or the list of cards). */
  labelledBy: string;
  columns: ReadonlyArray<TableColumn>;
  /** Below this width in px the rows become stacked cards. */
  cardsBelow?: number;
  /** <TableRow>s. */
  children: ReactNode;
}

/**
 * Rows of things with a few attributes each: a table where there is room, a list of cards, one
 * per row with each value under its column's name, where there is not. So a phone never scrolls
 * sideways and a wide screen never breaks a name mid-word.
 */
export function ResponsiveTable({
  labelledBy,
  columns,
  cardsBelow = DEFAULT_CARDS_BELOW,
  children,
}: ResponsiveTableProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const layout = layoutFor(useContainerWidth(containerRef), cardsBelow);
  return (
    <div ref={containerRef} className="responsive-table" data-layout={layout}>
      <TableContext.Provider value={{ layout, columns }}>
        {layout === 'table' ? (
          <table className="data-table" aria-labelledby={labelledBy}>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th
                    key={column.key}
                    scope="col"
                    className={column.actions ? 'actions-cell' : undefined}
                  >
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        ) : (
          <ul className="data-cards" aria-labelledby={labelledBy}>
            {children}
          </ul>
        )}
      </TableContext.Provider>
    </div>
  );
}

/** One row of a ResponsiveTable (a card when narrow). Its cells come in column order. */
export function TableRow({ children }: { children: ReactNode }) {
  const { layout } = useTable();
  return layout === 'table' ? <tr>{children}</tr> : <li className="data-card">{children}</li>;
}

interface TableCellProps {
  /** The key of its column. */
  column: string;
  /** The cell that names the row: a row header in the table, the card's title. */
  primary?: boolean;
  children?: ReactNode;
}

export function TableCell({ column, primary = false, children }: TableCellProps) {
  const { layout, columns } = useTable();
  const definition = columns.find((candidate) => candidate.key === column);
  if (!definition) throw new Error(`No column "${column}" in this table`);

  if (layout === 'table') {
    if (primary) return <th scope="row">{children}</th>;
    if (definition.actions) {
      return (
        <td className="actions-cell">
          <div className="row-actions">{children}</div>
        </td>
      );
    }
    return <td>{children}</td>;
  }

  if (primary) return <p className="data-card-title">{children}</p>;
  if (definition.actions) return <div className="row-actions data-card-actions">{children}</div>;
  return (
    <div className="data-card-field">
      <span className="data-card-label">{definition.label}</span>
      <span className="data-card-value">{children}</span>
    </div>
  );
}
