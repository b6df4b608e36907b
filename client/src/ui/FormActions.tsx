/**
 * The foot of a dialog form: the form-level error (announced), then the primary
 * submit button and Cancel. Field errors stay next to their fields.
 */
export function FormActions({ submit, onCancel, disabled = false, error = null }: { submit: string; onCancel: () => void; disabled?: boolean; error?: string | null | undefined }) {
  return (
    <>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={disabled}>
          {submit}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
