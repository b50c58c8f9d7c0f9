import { messages } from '../messages';
import { useAnnounce } from '../shell/announcer';
import { navigate } from '../shell/router';

/** After a registration or an edit: say so, and open the record saved. */
export function useOpenSaved(kind: 'peers' | 'workers') {
  const announce = useAnnounce();
  return (saved: { id: string; displayName: string } | undefined, created: boolean): void => {
    if (!saved) return;
    announce(created ? messages.intake.created(saved.displayName) : messages.intake.updated);
    navigate(`/intake/${kind}/${saved.id}`);
  };
}
