import { ApiError } from '../api/client';
import { listOf, messages } from '../messages';

/** A code the API adds later (RATE_LIMITED, say) still reads as something. */
function wordsFor(code: string): string {
  const words = (messages.errors as Record<string, unknown>)[code];
  return typeof words === 'string' ? words : messages.errors.other;
}

/** An input field the API names ("input.birthYear"), as the form labels it. */
function fieldName(path: string): string {
  const field = path.split('.').pop() ?? path;
  return messages.fieldNames[field] ?? field;
}

/** An API error in plain words, announced as it appears. */
export function ErrorNotice({ error }: { error?: ApiError }) {
  if (!error) return null;
  return (
    <div className="notice notice-error" role="alert">
      <p>{wordsFor(error.code)}</p>
      {error.fields.length > 0 && <p>{messages.errors.fields(listOf(error.fields.map(fieldName)))}</p>}
    </div>
  );
}

/** A record that reads as null is one this person may not see, or one that is gone: said the same way. */
export function MissingNotice({ error }: { error?: ApiError }) {
  return <ErrorNotice error={error ?? new ApiError('NOT_FOUND', 'not found')} />;
}
