import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways on a narrow screen, in a named region that the keyboard can reach and scroll.
 * `busy`: the rows are the previous answer's while the next loads (new filters, another page); the region
 * is marked busy and says so above them, so nobody takes them for the answer to what they just asked
 * (not dimmed: faded text would fail the contrast people need).
 */
export function TableRegion({
  label,
  busy = false,
  children,
}: {
  label: string;
  busy?: boolean;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1; axe's scrollable-region-focusable).
    <section className="table-wrap" aria-label={label} aria-busy={busy} tabIndex={0}>
      {busy && <p className="updating">Updating…</p>}
      {children}
    </section>
  );
}
