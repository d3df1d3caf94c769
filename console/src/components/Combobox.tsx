import { type KeyboardEvent, type ReactNode, useState } from 'react';
import { FieldNotes, notesOf } from './FieldNotes';

export interface ComboboxOption {
  /** Unique within the list; part of the option's element id. */
  key: string;
  /** What the option shows. */
  content: ReactNode;
  /** What the input shows once it is chosen. */
  text: string;
}

export interface ComboboxProps {
  id: string;
  label: string;
  /** What is typed: the search. */
  query: string;
  onQueryChange: (query: string) => void;
  options: ComboboxOption[];
  onSelect: (option: ComboboxOption) => void;
  /** The search is running. */
  searching?: boolean;
  help?: string | undefined;
  error?: string | undefined;
}

/**
 * An editable combobox with a list popup (WAI-ARIA 1.2 combobox pattern): typing searches, Down and Up move
 * through the options (aria-activedescendant; focus stays in the input), Enter chooses, Escape closes.
 */
export function Combobox({
  id,
  label,
  query,
  onQueryChange,
  options,
  onSelect,
  searching = false,
  help,
  error,
}: ComboboxProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = `${id}-listbox`;
  const expanded = open && options.length > 0;
  const activeOption = expanded ? options[active] : undefined;
  const optionId = (option: ComboboxOption) => `${id}-option-${option.key}`;
  const described = [...notesOf(id, help, error), `${id}-state`].join(' ');

  const choose = (option: ComboboxOption) => {
    onSelect(option);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        if (!event.altKey) setActive((current) => Math.min(current + 1, options.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        setActive((current) => (current <= 0 ? options.length - 1 : current - 1));
        break;
      case 'Enter':
        if (activeOption) {
          event.preventDefault();
          choose(activeOption);
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        }
        break;
    }
  };

  let state = '';
  if (open && searching) state = 'Searching…';
  else if (open && query !== '' && options.length === 0) state = 'No matches.';
  else if (expanded)
    state = `${options.length} ${options.length === 1 ? 'match' : 'matches'}: use the arrow keys.`;

  return (
    <div className="field combobox">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={activeOption ? optionId(activeOption) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        value={query}
        onChange={(event) => {
          onQueryChange(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div id={listId} role="listbox" aria-label={label} hidden={!expanded}>
        {options.map((option, index) => (
          <div
            key={option.key}
            id={optionId(option)}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            className={index === active ? 'active' : undefined}
            // Chosen before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(option);
            }}
          >
            {option.content}
          </div>
        ))}
      </div>
      <p id={`${id}-state`} className="combobox-state" aria-live="polite">
        {state}
      </p>
      <FieldNotes id={id} help={help} error={error} />
    </div>
  );
}
