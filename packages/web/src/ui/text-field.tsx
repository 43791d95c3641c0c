import type { InputHTMLAttributes } from 'react';

type TextFieldProps = Readonly<{
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  errorPrefix: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  required?: boolean;
  requiredText?: string;
}> &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'required'>;

/** A labelled text input with its hint and error, for the app's own small forms (login, settings, reply). */
export function TextField({
  id,
  label,
  hint,
  error,
  errorPrefix,
  value,
  onChange,
  multiline,
  required,
  requiredText,
  className,
  ...inputProps
}: TextFieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${error ? 'has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && requiredText ? <span className="muted"> {requiredText}</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">{errorPrefix} </span>
          {error}
        </p>
      ) : null}
      {multiline ? (
        <textarea
          id={id}
          className={`input ${className ?? ''}`}
          rows={5}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          aria-required={required || undefined}
        />
      ) : (
        <input
          id={id}
          className={`input ${className ?? ''}`}
          type="text"
          {...inputProps}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          aria-required={required || undefined}
        />
      )}
    </div>
  );
}
