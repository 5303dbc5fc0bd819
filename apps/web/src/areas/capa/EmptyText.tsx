/** A table's "nothing here" text, in a colour readable on white (antd's placeholder grey is not). */
export function EmptyText({ children }: { children: string }) {
  return <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{children}</span>;
}
