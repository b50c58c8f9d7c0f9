import { useCallback, useEffect, useRef, useState } from 'react';
import type { TadaDocumentNode } from 'gql.tada';
import { ApiError, request } from './client';

export interface QueryState<Result> {
  data?: Result;
  error?: ApiError;
  loading: boolean;
  refetch: () => Promise<void>;
}

/**
 * Runs an operation, again whenever its variables change, and every `pollMs` while asked to:
 * how a page sees a refill arrive without reloading.
 */
export function useQuery<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  variables: Variables,
  {
    pollMs,
    skip = false,
  }: {
    /** How often to read again; a function decides from what was last read (faster while something is on its way). */
    pollMs?: number | ((data: Result | undefined) => number | undefined);
    skip?: boolean;
  } = {},
): QueryState<Result> {
  const [data, setData] = useState<Result>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(!skip);
  const key = JSON.stringify(variables);
  const latest = useRef(0);

  const refetch = useCallback(async () => {
    const call = ++latest.current;
    try {
      const result = await request(document, JSON.parse(key) as Variables);
      if (call === latest.current) {
        setData(result);
        setError(undefined);
      }
    } catch (caught) {
      if (call === latest.current)
        setError(caught instanceof ApiError ? caught : new ApiError('NETWORK', String(caught)));
    } finally {
      if (call === latest.current) setLoading(false);
    }
  }, [document, key]);

  useEffect(() => {
    if (skip) return;
    setLoading(true);
    void refetch();
  }, [refetch, skip]);

  const interval = typeof pollMs === 'function' ? pollMs(data) : pollMs;
  useEffect(() => {
    if (skip || !interval) return;
    const timer = setInterval(() => void refetch(), interval);
    return () => clearInterval(timer);
  }, [refetch, interval, skip]);

  return { data, error, loading, refetch };
}

/** A write: its pending state, its error, and a way to run it. */
export function useMutation<Result, Variables>(document: TadaDocumentNode<Result, Variables>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = useCallback(
    async (variables: Variables): Promise<Result | undefined> => {
      setPending(true);
      setError(undefined);
      try {
        return await request(document, variables);
      } catch (caught) {
        setError(caught instanceof ApiError ? caught : new ApiError('NETWORK', String(caught)));
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [document],
  );
  return { run, pending, error, clearError: () => setError(undefined) };
}
