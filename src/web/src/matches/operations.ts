import { graphql } from '../api/graphql';

/** The writes peers, support workers and staff share, each under its own rules in the API. */
export const EndMatch = graphql(`
  mutation EndMatch($id: ID!, $reason: MatchEndReason!) {
    endMatch(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

export const RequestMatch = graphql(`
  mutation RequestMatch($peerId: ID!) {
    requestMatch(peerId: $peerId) {
      id
      status
    }
  }
`);

export const CancelMatchRequest = graphql(`
  mutation CancelMatchRequest($id: ID!) {
    cancelMatchRequest(id: $id) {
      id
      status
    }
  }
`);
