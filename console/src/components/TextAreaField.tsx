import type { TextareaHTMLAttributes } from 'react';
import { FieldNotes, notesOf } from './FieldNotes';

export interface TextAreaFieldProps
  extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'onChange'> {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  help?: string | undefined;
  error?: string | undefined;
}

/** TextField for text of several lines. */
export function TextAreaField({ id, label, value, onChange, help, error, ...textarea }: TextAreaFieldProps) {
  const described = notesOf(id, help, error).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        {...textarea}
      />
      <FieldNotes id={id} help={help} error={error} />
    </div>
  );
}
