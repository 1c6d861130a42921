/** A PostgreSQL array literal ('{1,2}', '{"a","b"}') to send as one parameter and cast (`::bigint[]`). */
export function pgArray(values: readonly (string | number)[]): string {
  const item = (v: string | number) =>
    typeof v === 'number' ? String(v) : `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  return `{${values.map(item).join(',')}}`;
}
