/** Cents as money, to the cent (e.g. CA$1,290.00). */
export function formatCents(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-CA', { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100);
}

export function formatPercent(percent: number | null): string {
  return percent === null ? '—' : `${percent.toFixed(1)} %`;
}
