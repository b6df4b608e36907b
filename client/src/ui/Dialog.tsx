import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Icon } from './Icon';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Optional line under the title. */
  description?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  className?: string;
}

/**
 * A modal on the native <dialog>: the browser traps focus, closes on Escape,
 * makes the page behind inert and puts focus back where it was.
 * Render it only while open; mark the control to start on with `data-autofocus`.
 */
export function Dialog({ title, onClose, children, description, size = 'md', className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // showModal focuses the first control (the close button); a dialog may name a better start.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${size}${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        closeRef.current();
      }}
      onClick={(e) => {
        // A click on the backdrop lands on the dialog element itself.
        if (e.target === e.currentTarget) closeRef.current();
      }}
    >
      <div className="dialog__inner">
        <header className="dialog__header">
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={() => closeRef.current()}>
            <Icon name="close" />
          </button>
        </header>
        {description && <div className="dialog__description">{description}</div>}
        {children}
      </div>
    </dialog>
  );
}
