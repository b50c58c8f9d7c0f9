import { useState } from 'react';
import { useMutation } from '../api/use-query';
import type { Option } from '../forms/CheckboxGroup';
import { RadioGroup } from '../forms/RadioGroup';
import { messages } from '../messages';
import { useAnnounce } from '../shell/announcer';
import { Dialog } from '../shell/Dialog';
import { ErrorNotice } from '../shell/ErrorNotice';
import { EndMatch } from './operations';

type EndReason = keyof typeof messages.endReasons;

/** Ending a match asks why, in words that suit whoever ends it, and says when it is done. */
export function EndMatchDialog({
  matchId,
  title,
  intro,
  reasons,
  confirm,
  onClose,
  onEnded,
}: {
  matchId: string;
  title: string;
  intro?: string;
  reasons: Option<EndReason>[];
  confirm: string;
  onClose: () => void;
  onEnded: () => void;
}) {
  const [reason, setReason] = useState<EndReason>();
  const end = useMutation(EndMatch);
  const announce = useAnnounce();
  const submit = async () => {
    if (reason && (await end.run({ id: matchId, reason }))) {
      announce(messages.matches.ended);
      onClose();
      onEnded();
    }
  };
  return (
    <Dialog title={title} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {intro && <p>{intro}</p>}
        <RadioGroup legend={messages.matches.reasonLabel} options={reasons} selected={reason} onChange={setReason} />
        <ErrorNotice error={end.error} />
        <div className="actions">
          <button type="submit" disabled={!reason || end.pending}>
            {confirm}
          </button>
          <button type="button" className="button-quiet" onClick={onClose}>
            {messages.app.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
