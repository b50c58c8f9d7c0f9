import { useState } from 'react';
import { useMutation } from '../api/use-query';
import { optionsOf } from '../forms/options';
import { RadioGroup } from '../forms/RadioGroup';
import { messages } from '../messages';
import { wordReasons } from '../reasons/word-reasons';
import { useAnnounce } from '../shell/announcer';
import { Dialog } from '../shell/Dialog';
import { ErrorNotice } from '../shell/ErrorNotice';
import { AcceptSuggestion, DeclineSuggestion } from './operations';
import type { PeerHomeData } from './PeerHome';

type DeclineReason = keyof typeof messages.declineReasons;
const DECLINE_REASONS = optionsOf(messages.declineReasons);
const NOTE_LIMIT = 1000;

/** One suggested worker: who they are, why they were suggested, and the peer's two choices. No score. */
export function SuggestionCard({
  suggestion,
  onChosen,
  onDeclined,
}: {
  suggestion: PeerHomeData['suggestions'][number];
  onChosen: () => void;
  onDeclined: () => void;
}) {
  const [open, setOpen] = useState<'choose' | 'decline'>();
  const [reason, setReason] = useState<DeclineReason>();
  const [note, setNote] = useState('');
  const accept = useMutation(AcceptSuggestion);
  const decline = useMutation(DeclineSuggestion);
  const announce = useAnnounce();
  const name = suggestion.supportWorker.displayName;
  const headingId = `suggestion-${suggestion.id}`;

  const choose = async () => {
    if (await accept.run({ id: suggestion.id })) {
      setOpen(undefined);
      announce(messages.peer.chosen(name));
      onChosen();
    }
  };
  const confirmDecline = async () => {
    if (!reason) return;
    if (await decline.run({ id: suggestion.id, reason, note: note.trim() || null })) {
      setOpen(undefined);
      announce(messages.peer.declined(name));
      onDeclined();
    }
  };

  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <h4>{messages.peer.whySuggested(name)}</h4>
      <ul className="reasons">
        {wordReasons(suggestion.explained, 'peer').map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={() => setOpen('choose')}>
          {messages.peer.choose(name)}
        </button>
        <button type="button" className="button-quiet" onClick={() => setOpen('decline')}>
          {messages.peer.notForMe(name)}
        </button>
      </div>
      {open === 'choose' && (
        <Dialog title={messages.peer.confirmChooseHeading(name)} onClose={() => setOpen(undefined)}>
          <p>{messages.peer.confirmChooseBody}</p>
          <ErrorNotice error={accept.error} />
          <div className="actions">
            <button type="button" onClick={() => void choose()} disabled={accept.pending}>
              {messages.peer.confirmChoose}
            </button>
            <button type="button" className="button-quiet" onClick={() => setOpen(undefined)}>
              {messages.app.cancel}
            </button>
          </div>
        </Dialog>
      )}
      {open === 'decline' && (
        <Dialog title={messages.peer.declineHeading(name)} onClose={() => setOpen(undefined)}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void confirmDecline();
            }}
          >
            <p>{messages.peer.declineIntro}</p>
            <RadioGroup
              legend={messages.peer.declineReasonLabel}
              options={DECLINE_REASONS}
              selected={reason}
              onChange={setReason}
            />
            <label className="field">
              <span>{messages.peer.declineNoteLabel}</span>
              <span className="hint">{messages.peer.declineNoteHint}</span>
              <textarea
                value={note}
                maxLength={NOTE_LIMIT}
                rows={3}
                onChange={(event) => setNote(event.target.value)}
              />
            </label>
            <ErrorNotice error={decline.error} />
            <div className="actions">
              <button type="submit" disabled={!reason || decline.pending}>
                {messages.peer.confirmDecline}
              </button>
              <button type="button" className="button-quiet" onClick={() => setOpen(undefined)}>
                {messages.app.cancel}
              </button>
            </div>
          </form>
        </Dialog>
      )}
    </article>
  );
}
