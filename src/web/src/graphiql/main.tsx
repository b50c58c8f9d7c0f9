import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { credentials } from '../session/session';
import 'graphiql/style.css';
import './graphiql.css';

// Served in development only, from this build: it works on a machine with no internet.
const fetcher = createGraphiQLFetcher({ url: '/graphql' });
const signedIn = credentials();

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultHeaders={Object.keys(signedIn).length ? JSON.stringify(signedIn, null, 2) : undefined}
    />
  </StrictMode>,
);
