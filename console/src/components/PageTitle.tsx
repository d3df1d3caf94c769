import { useEffect } from 'react';

/** The page's one h1, and the document title that names it in the browser's tabs and history. */
export function PageTitle({ children }: { children: string }) {
  useEffect(() => {
    document.title = `${children} · Orderly console`;
  }, [children]);
  return <h1>{children}</h1>;
}
