import type { InputHTMLAttributes } from 'react';
import { FieldNotes, notesOf } from './FieldNotes';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange'> {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** How to fill it in, always shown. */
  help?: string | undefined;
  /** What the API said is wrong with it. */
  error?: string | undefined;
}

/** A labelled input whose help and error are read with it (aria-describedby) and whose error marks it invalid. */
export function TextField({ id, label, value, onChange, help, error, ...input }: TextFieldProps) {
  const described = notesOf(id, help, error).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        {...input}
      />
      <FieldNotes id={id} help={help} error={error} />
    </div>
  );
}
