import { Field } from './field.js';

/** A labelled one-line input with its hint and error message (see Field). */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  maxLength?: number;
  required?: boolean;
}) {
  return (
    <Field id={props.id} label={props.label} error={props.error} hint={props.hint}>
      {(aria) => (
        <input
          id={props.id}
          type={props.type}
          autoComplete={props.autoComplete}
          value={props.value}
          maxLength={props.maxLength}
          required={props.required}
          onChange={(e) => props.onChange(e.target.value)}
          {...aria}
        />
      )}
    </Field>
  );
}
