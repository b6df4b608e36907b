/** Copies a text to the clipboard and says so (on screen and to screen readers); falls back to asking to copy by hand. `autoFocusFirst` makes it where a dialog starts. */
import { useEffect, useState } from 'react';
import { announce } from '../../ui/announcer';
import { showToast } from '../../ui/toasts';
import { PotwIcon } from '../icons';

export function CopyButton({ text, what, autoFocusFirst = false }: { text: string; what: string; autoFocusFirst?: boolean }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2500);
    return () => window.clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      announce(`${what} copied.`);
    } catch {
      showToast({ tone: 'warning', title: 'Copy it by hand', message: 'The browser did not allow copying to the clipboard (it needs HTTPS or localhost).' });
    }
  };
  return (
    <button type="button" className="button button--small copy-button" onClick={() => void copy()} aria-label={`Copy ${what}`} {...(autoFocusFirst && { 'data-autofocus': true })}>
      <PotwIcon name={copied ? 'checkCircle' : 'copy'} />
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}
