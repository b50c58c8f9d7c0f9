import { useState, type FormEvent } from 'react';
import { useMutation } from '../api/use-query';
import { messages } from '../messages';
import { useSession } from '../session/use-session';
import { useAnnounce } from '../shell/announcer';
import { Dialog } from '../shell/Dialog';
import { ErrorNotice } from '../shell/ErrorNotice';
import { navigate } from '../shell/router';
import { ErasePeer } from './operations';

/** Erasure cannot be undone: the dialog says what it removes and asks for a typed confirmation. */
export function ErasePeerButton({ peerId, name }: { peerId: string; name: string }) {
  // Erasure is an administrator's (or the peer's own) decision; intake staff are not offered it.
  const administrator = useSession()?.role === 'ADMIN';
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const erase = useMutation(ErasePeer);
  const announce = useAnnounce();
  const confirmed = typed.trim().toUpperCase() === messages.intake.eraseConfirmWord;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (confirmed && (await erase.run({ id: peerId }))) {
      announce(messages.intake.erased);
      navigate('/intake');
    }
  };
  if (!administrator) return null;
  return (
    <section className="danger-zone">
      <button type="button" className="button-danger" onClick={() => setOpen(true)}>
        {messages.intake.erase}
      </button>
      {open && (
        <Dialog title={messages.intake.eraseHeading(name)} onClose={() => setOpen(false)}>
          <form onSubmit={(event) => void submit(event)}>
            <p>{messages.intake.eraseBody}</p>
            <label className="field">
              <span>{messages.intake.eraseConfirmLabel}</span>
              <input value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" />
            </label>
            <ErrorNotice error={erase.error} />
            <div className="actions">
              <button type="submit" className="button-danger" disabled={!confirmed || erase.pending}>
                {messages.intake.eraseConfirm}
              </button>
              <button type="button" className="button-quiet" onClick={() => setOpen(false)}>
                {messages.app.cancel}
              </button>
            </div>
          </form>
        </Dialog>
      )}
    </section>
  );
}
