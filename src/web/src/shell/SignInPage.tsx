import { useEffect, useState } from 'react';
import { messages } from '../messages';
import { signIn, signInChoices, type SignInChoice } from '../session/session';

const GROUPS: { heading: string; roles: SignInChoice['role'][] }[] = [
  { heading: messages.signIn.staff, roles: ['INTAKE', 'ADMIN'] },
  { heading: messages.signIn.peers, roles: ['PEER'] },
  { heading: messages.signIn.workers, roles: ['SUPPORT_WORKER'] },
];

/** Staff are named by their role in the page's language; people by their own name. */
function labelled(choice: SignInChoice): SignInChoice {
  return choice.peerId || choice.supportWorkerId ? choice : { ...choice, label: messages.roles[choice.role] };
}

/** Development sign-in: the people of the demo service, and anyone registered since. */
export function SignInPage() {
  const [choices, setChoices] = useState<SignInChoice[]>();
  const [failed, setFailed] = useState(false);
  const [refused, setRefused] = useState(false);
  const [pending, setPending] = useState(false);
  const choose = async (choice: SignInChoice) => {
    setPending(true);
    setRefused(false);
    try {
      await signIn(choice);
    } catch {
      setRefused(true);
      setPending(false);
      signInChoices().then(setChoices, () => setFailed(true));
    }
  };
  useEffect(() => {
    signInChoices().then(setChoices, () => setFailed(true));
  }, []);

  return (
    <section aria-labelledby="sign-in-heading" className="sign-in">
      <h1 id="sign-in-heading">{messages.signIn.heading}</h1>
      {failed && <p role="alert">{messages.signIn.unavailable}</p>}
      {refused && <p role="alert">{messages.signIn.refused}</p>}
      {!choices && !failed && <p>{messages.app.loading}</p>}
      {choices && (
        <>
          <p>{messages.signIn.developmentNote}</p>
          {GROUPS.map((group) => (
            <section key={group.heading} aria-label={group.heading}>
              <h2>{group.heading}</h2>
              <ul className="choice-list">
                {choices
                  .filter((choice) => group.roles.includes(choice.role))
                  .map(labelled)
                  .map((choice) => (
                    <li key={`${choice.role}:${choice.peerId ?? choice.supportWorkerId ?? ''}`}>
                      <button
                        type="button"
                        className="button-quiet"
                        onClick={() => void choose(choice)}
                        disabled={pending}
                      >
                        {messages.signIn.as(choice.label)}
                      </button>
                      {choice.feature && messages.signIn.features[choice.feature] && (
                        <span className="hint">{messages.signIn.features[choice.feature]}</span>
                      )}
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </section>
  );
}
