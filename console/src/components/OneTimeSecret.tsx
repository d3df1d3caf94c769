import { type ReactNode, useEffect, useRef } from 'react';
import { useAnnounce } from './Announcer';

export interface OneTimeSecretProps {
  id: string;
  heading: string;
  /** What the secret is for, and that it is not shown again. */
  children: ReactNode;
  /** The field's label. */
  label: string;
  secret: string;
  doneLabel: string;
  onDone: () => void;
}

/**
 * A secret the API shows once (a new API token, a webhook's signing secret): selected and focused, to copy,
 * with what it is for. The page keeps it in its state only, so it is gone when the page is left.
 */
export function OneTimeSecret({
  id,
  heading,
  children,
  label,
  secret,
  doneLabel,
  onDone,
}: OneTimeSecretProps) {
  const announce = useAnnounce();
  const input = useRef<HTMLInputElement>(null);
  // A new secret (a second rotation) is focused again.
  useEffect(() => {
    if (!secret) return;
    input.current?.focus();
    input.current?.select();
  }, [secret]);
  const copy = () =>
    navigator.clipboard.writeText(secret).then(
      () => announce('Copied.'),
      () => announce('Could not copy: select the secret and copy it with the keyboard.'),
    );
  return (
    <section className="minted" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <div className="warning">{children}</div>
      <div className="field">
        <label htmlFor={`${id}-secret`}>{label}</label>
        <div className="copy-row">
          <input
            ref={input}
            id={`${id}-secret`}
            type="text"
            readOnly
            autoComplete="off"
            spellCheck={false}
            value={secret}
          />
          <button type="button" onClick={copy}>
            Copy
          </button>
        </div>
      </div>
      <button type="button" className="secondary-button" onClick={onDone}>
        {doneLabel}
      </button>
    </section>
  );
}
