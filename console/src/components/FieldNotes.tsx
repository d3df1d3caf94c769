/** What a field's help and error say, for its `aria-describedby`: their ids, those that are shown. */
export function notesOf(id: string, help: string | undefined, error: string | undefined): string[] {
  return [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean);
}

/** Under a field: how to fill it in (always shown), and what the API said is wrong with it. */
export function FieldNotes({
  id,
  help,
  error,
}: {
  id: string;
  help?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <>
      {help && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}
