import type { ReactNode } from 'react';

/** What a control needs so assistive technology reads its error: aria-invalid and aria-describedby. */
export interface FieldAria {
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * The frame every form field shares: the label, the control (given its ids and aria wiring) and the
 * error message under it. TextField, TextareaField and SelectField are this frame with their control.
 */
export function Field(props: { id: string; label: string; error?: string | undefined; hint?: string | undefined; children: (aria: FieldAria) => ReactNode }) {
  const errorId = `${props.id}-error`;
  const hintId = `${props.id}-hint`;
  // The error, when there is one, is what the control is described by; otherwise its hint.
  const describedBy = props.error ? errorId : props.hint ? hintId : undefined;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children({ 'aria-invalid': props.error ? true : undefined, 'aria-describedby': describedBy })}
      {props.hint && (
        <p id={hintId} className="hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={errorId} className="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}
