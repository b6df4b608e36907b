import { useId, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  /** Error text for this field (from a 400 that names it, or local checks). */
  error?: string | null;
  hint?: ReactNode;
  /** Where the error is shown instead of under the control (a row's shared error line): that element's id. */
  errorId?: string;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
  className?: string;
}

/** A labelled form control with its hint and error wired up for screen readers. */
export function Field({ label, error, hint, errorId: shownAt, children, className }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = shownAt ?? `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, ...(describedBy && { 'aria-describedby': describedBy }), ...(error && { 'aria-invalid': true as const }) })}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && !shownAt && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
