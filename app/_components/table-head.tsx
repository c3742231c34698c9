export type Column = { label: string; align?: 'right' };

/** A table's header row and its "nothing here" row: every data table of the app looks alike. */
export function TableHead({ columns, className = 'text-slate-400', cellClassName = 'py-2 pr-3' }: { columns: readonly Column[]; className?: string; cellClassName?: string }) {
  return (
    <thead className={className}>
      <tr>
        {columns.map((column) => (
          <th key={column.label} scope="col" className={`${cellClassName} font-medium${column.align === 'right' ? ' text-right' : ''}`}>
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function EmptyTableRow({ columns, className = 'py-4 text-slate-400', children }: { columns: number; className?: string; children: React.ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className={className}>
        {children}
      </td>
    </tr>
  );
}
