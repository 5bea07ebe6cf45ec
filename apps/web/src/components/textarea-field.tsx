import { Field } from './field.js';

/** A labelled text area with its error message (see Field): the message box of every reply, note and comment form. */
export function TextareaField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  rows?: number;
  maxLength?: number;
  required?: boolean;
}) {
  return (
    <Field id={props.id} label={props.label} error={props.error}>
      {(aria) => (
        <textarea
          id={props.id}
          rows={props.rows ?? 5}
          maxLength={props.maxLength}
          required={props.required}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          {...aria}
        />
      )}
    </Field>
  );
}
