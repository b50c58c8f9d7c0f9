import { ApiError } from '../api/client';
import { messages } from '../messages';

/** An API error in plain words, announced as it appears. */
export function ErrorNotice({ error }: { error?: ApiError }) {
  if (!error) return null;
  return (
    <div className="notice notice-error" role="alert">
      <p>{messages.errors[error.code]}</p>
      {error.fields.length > 0 && <p>{messages.errors.fields(error.fields.join(', '))}</p>}
    </div>
  );
}

/** A record that reads as null is one this person may not see, or one that is gone: said the same way. */
export function MissingNotice({ error }: { error?: ApiError }) {
  return <ErrorNotice error={error ?? new ApiError('NOT_FOUND', 'not found')} />;
}
