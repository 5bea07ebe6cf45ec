import { Field } from './field.js';

/** A labelled select with a "choose" first option and its error message (see Field). */
export function SelectField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { id: number | string; name: string }[];
  /** The empty first option ("Selecione…"). */
  placeholder: string;
  error?: string | undefined;
  required?: boolean;
}) {
  return (
    <Field id={props.id} label={props.label} error={props.error}>
      {(aria) => (
        <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)} required={props.required} {...aria}>
          <option value="">{props.placeholder}</option>
          {props.options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
