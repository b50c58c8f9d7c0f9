import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '../api/use-query';
import { messages } from '../messages';
import { useAnnounce } from '../shell/announcer';
import { ErrorNotice, MissingNotice } from '../shell/ErrorNotice';
import { ExportPeerData, PeerConsentQuery, UpdateOwnPeer } from './operations';

/** The peer's two consent choices, each in one sentence, and a copy of all that is held about them. */
export function PeerPrivacy({ peerId }: { peerId: string }) {
  const query = useQuery(PeerConsentQuery, { id: peerId });
  const save = useMutation(UpdateOwnPeer);
  const exporting = useMutation(ExportPeerData);
  const announce = useAnnounce();
  const consent = query.data?.peer?.consent;
  const [use, setUse] = useState(false);
  const [share, setShare] = useState(false);
  useEffect(() => {
    if (!consent) return;
    setUse(consent.useLivedExperienceForMatching);
    setShare(consent.shareLivedExperienceWithWorkers);
  }, [consent]);

  if (query.loading && !consent) return <p>{messages.app.loading}</p>;
  if (!consent) return <MissingNotice error={query.error} />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { consent: { useLivedExperienceForMatching: use, shareLivedExperienceWithWorkers: share } };
    if (await save.run({ id: peerId, input })) announce(messages.app.saved);
  };
  const download = async () => {
    const result = await exporting.run({ peerId });
    if (!result) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([result.exportPeerData], { type: 'application/json' }));
    link.download = 'my-peermatch-information.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
    announce(messages.peer.exportReady);
  };

  return (
    <>
      <h1>{messages.peer.privacyHeading}</h1>
      <form onSubmit={(event) => void submit(event)}>
        <fieldset className="choices">
          <legend>{messages.peer.consentLegend}</legend>
          <label className="choice">
            <input type="checkbox" checked={use} onChange={(event) => setUse(event.target.checked)} />
            {messages.peer.consentUse}
          </label>
          <label className="choice">
            <input type="checkbox" checked={share} onChange={(event) => setShare(event.target.checked)} />
            {messages.peer.consentShare}
          </label>
        </fieldset>
        <ErrorNotice error={save.error} />
        <button type="submit" disabled={save.pending}>
          {messages.peer.consentSave}
        </button>
      </form>
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{messages.peer.exportHeading}</h2>
        <p>{messages.peer.exportBody}</p>
        <ErrorNotice error={exporting.error} />
        <button type="button" className="button-quiet" onClick={() => void download()} disabled={exporting.pending}>
          {messages.peer.exportButton}
        </button>
      </section>
    </>
  );
}
