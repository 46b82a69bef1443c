import { type ReactNode, useId } from 'react';

export interface DataTableColumn<Row> {
  /** Unique within the table; also the React key of the column's cells. */
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Extra classes for this column's body cells (colour, wrapping). */
  className?: string;
}

interface DataTableProps<Row> {
  /** Names the table for assistive tech (a visually hidden caption) and its scroll region. */
  caption: string;
  columns: readonly DataTableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: string;
  /** Shown instead of rows when there are none. */
  empty?: ReactNode;
  /** Stale rows while newer ones load: dimmed and marked busy. */
  isBusy?: boolean;
}

// The first and last cells line up with the card's padding on phones, where the table bleeds to
// the card's edges (-mx-5) to gain width, and with its content from `sm` on.
const edgeCells = 'first:px-5 last:px-5 sm:first:pl-0 sm:last:pr-0';

/**
 * A plain data table: hidden caption, column headers with scope, and a horizontally scrolling
 * region that keyboard users can focus and scroll (it is named after the caption).
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  minWidth,
  empty,
  isBusy = false,
}: DataTableProps<Row>) {
  const captionId = useId();
  return (
    // A group, not a region: the card around a table usually has the same name, and two landmarks
    // of one name cannot be told apart.
    // biome-ignore lint/a11y/useSemanticElements: a fieldset groups form controls; this is a named scroll container
    <div
      role="group"
      aria-labelledby={captionId}
      aria-busy={isBusy || undefined}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users must be able to scroll a wide table
      tabIndex={0}
      className={
        // `relative`: visually hidden text in a cell is positioned against this scroll area, not the
        // page (it made the whole page scroll sideways on a phone).
        'relative -mx-5 overflow-x-auto focus-visible:outline-3 focus-visible:outline-ai-300 sm:mx-0 ' +
        (isBusy ? 'opacity-60' : '')
      }
    >
      <table className="w-full text-left text-sm" style={{ minWidth }}>
        <caption id={captionId} className="sr-only">
          {caption}
        </caption>
        <thead className="border-b border-slate-200 text-xs text-slate-500">
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={`px-3 py-2 font-medium ${edgeCells}`}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.key} className={`px-3 py-2.5 ${edgeCells} ${column.className ?? ''}`}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {/* A div: `empty` may be a paragraph of its own. */}
      {rows.length === 0 && empty && <div className="py-6 text-center text-sm text-slate-500">{empty}</div>}
    </div>
  );
}
