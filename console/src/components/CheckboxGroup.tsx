import { FieldNotes, notesOf } from './FieldNotes';

export interface CheckboxGroupProps {
  id: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  /** The values checked; `[everything.value]` when that box is checked. */
  value: readonly string[];
  onChange: (value: string[]) => void;
  /** One box that stands for every option, those added later included: checked, it is the whole value. */
  everything?: { value: string; label: string };
  help?: string | undefined;
  error?: string | undefined;
}

/**
 * A labelled set of checkboxes (a fieldset and its legend) for a list of values, with its help and the API's
 * error read with the group. With `everything` checked, the other boxes show checked and cannot be changed.
 */
export function CheckboxGroup({
  id,
  legend,
  options,
  value,
  onChange,
  everything,
  help,
  error,
}: CheckboxGroupProps) {
  const described = notesOf(id, help, error).join(' ');
  const boxId = (option: string) => `${id}-${option.replace(/[^a-z0-9-]/gi, '-')}`;
  const all = everything !== undefined && value.includes(everything.value);
  const toggle = (option: string, checked: boolean) =>
    onChange(
      checked
        ? options.map((known) => known.value).filter((known) => known === option || value.includes(known))
        : value.filter((known) => known !== option),
    );
  return (
    <fieldset className="field checkbox-group" aria-describedby={described || undefined}>
      <legend>{legend}</legend>
      {everything && (
        <div className="checkbox everything">
          <input
            id={`${id}-everything`}
            type="checkbox"
            checked={all}
            onChange={(event) => onChange(event.target.checked ? [everything.value] : [])}
          />
          <label htmlFor={`${id}-everything`}>{everything.label}</label>
        </div>
      )}
      <div className="checkbox-options">
        {options.map((option) => (
          <div className="checkbox" key={option.value}>
            <input
              id={boxId(option.value)}
              type="checkbox"
              checked={all || value.includes(option.value)}
              disabled={all}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <label htmlFor={boxId(option.value)}>{option.label}</label>
          </div>
        ))}
      </div>
      <FieldNotes id={id} help={help} error={error} />
    </fieldset>
  );
}
