import { useEffect, useRef, useState } from 'react';

/**
 * A form's text fields: `empty` for a new resource, filled from `loaded` once it has loaded (and again
 * when it is reloaded), and the props of each field's TextField: its id, value, change and API error.
 */
export function useDraft<Field extends string, Loaded>(
  prefix: string,
  empty: Record<Field, string>,
  loaded: Loaded | undefined,
  toDraft: (loaded: Loaded) => Record<Field, string>,
) {
  const [draft, setDraft] = useState(empty);
  // The mapping is the page's constant; only a newly loaded resource refills the form.
  const mapping = useRef(toDraft);
  useEffect(() => {
    if (loaded) setDraft(mapping.current(loaded));
  }, [loaded]);
  const field = (name: Field, errors: Record<string, string>) => ({
    id: `${prefix}-${name.replace('_', '-')}`,
    value: draft[name],
    onChange: (value: string) => setDraft((current) => ({ ...current, [name]: value })),
    error: errors[name],
  });
  return { draft, field };
}
