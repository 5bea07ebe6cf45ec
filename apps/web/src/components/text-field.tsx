import { Field } from './field.js';

/** A labelled one-line input with its error message (see Field). */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  maxLength?: number;
  required?: boolean;
}) {
  return (
    <Field id={props.id} label={props.label} error={props.error}>
      {(aria) => (
        <input id={props.id} value={props.value} maxLength={props.maxLength} required={props.required} onChange={(e) => props.onChange(e.target.value)} {...aria} />
      )}
    </Field>
  );
}
