import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';

const AnnounceContext = createContext<(message: string) => void>(() => {});

/** How long a status message stays on screen; screen readers have read it out by then. */
const SHOWN_MS = 5_000;

/**
 * Status messages ("Customer saved") in one polite live region that screen readers read out. On screen the
 * message floats at the bottom until it is dismissed or its time is up, and main keeps room below its content
 * for it (styles.css), so that it never covers the last rows of a page.
 */
export function Announcer({ children }: { children: ReactNode }) {
  // The sequence number restarts the timer when the same text is announced again.
  const [shown, setShown] = useState({ message: '', sequence: 0 });
  const announce = useCallback(
    (message: string) => setShown((previous) => ({ message, sequence: previous.sequence + 1 })),
    [],
  );
  const dismiss = useCallback(() => setShown((previous) => ({ ...previous, message: '' })), []);
  useEffect(() => {
    if (shown.message === '') return;
    const timer = setTimeout(dismiss, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [shown, dismiss]);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div className="toast" data-shown={shown.message === '' ? undefined : ''}>
        <div className="status" role="status" aria-live="polite">
          {shown.message}
        </div>
        {shown.message !== '' && (
          <button type="button" className="secondary-button" onClick={dismiss}>
            Dismiss
          </button>
        )}
      </div>
    </AnnounceContext.Provider>
  );
}

export const useAnnounce = () => useContext(AnnounceContext);
