import { useEffect, useId, useRef, type ReactNode } from 'react';
import { messages } from '../messages';

/**
 * A modal dialog on the browser's own <dialog>: it keeps focus inside, Escape closes it, and focus
 * goes back to what opened it.
 */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    return () => {
      dialog?.close();
      // What opened it may be gone (a suggestion declined): focus goes back to the page itself.
      if (opener?.isConnected) opener.focus();
      else document.getElementById('main')?.focus();
    };
  }, []);
  return (
    <dialog ref={ref} aria-labelledby={titleId} onCancel={onClose} className="dialog">
      <h2 id={titleId}>{title}</h2>
      {children}
      <button type="button" className="dialog-close" onClick={onClose} aria-label={messages.app.close}>
        ×
      </button>
    </dialog>
  );
}
