import { graphql } from '../api/graphql';
import { ReasonFields } from '../reasons/operations';

export const PeerHomeQuery = graphql(
  `
    query PeerHome($id: ID!) {
      peer(id: $id) {
        id
        displayName
        openRequest {
          id
          status
        }
        suggestions(status: OPEN) {
          id
          rank
          supportWorker {
            id
            displayName
          }
          explained {
            ...ReasonFields
          }
        }
        activeMatch {
          id
          startedAt
          supportWorker {
            id
            displayName
          }
        }
      }
    }
  `,
  [ReasonFields],
);

export const AcceptSuggestion = graphql(`
  mutation AcceptSuggestion($id: ID!) {
    acceptSuggestion(id: $id) {
      id
      status
    }
  }
`);

export const DeclineSuggestion = graphql(`
  mutation DeclineSuggestion($id: ID!, $reason: DeclineReason!, $note: String) {
    declineSuggestion(id: $id, reason: $reason, note: $note) {
      id
      status
    }
  }
`);

export const PeerPreferencesQuery = graphql(`
  query PeerPreferences($id: ID!) {
    peer(id: $id) {
      id
      languages
      modes
      availability
      interests {
        slug
      }
      preferences {
        workerGenders
        importance {
          factor
          importance
        }
      }
    }
    tags(kind: INTEREST) {
      slug
      label
    }
  }
`);

export const UpdateOwnPeer = graphql(`
  mutation UpdateOwnPeer($id: ID!, $input: UpdatePeerInput!) {
    updatePeer(id: $id, input: $input) {
      id
    }
  }
`);

export const PeerConsentQuery = graphql(`
  query PeerConsent($id: ID!) {
    peer(id: $id) {
      id
      consent {
        useLivedExperienceForMatching
        shareLivedExperienceWithWorkers
      }
    }
  }
`);

export const ExportPeerData = graphql(`
  query ExportPeerData($peerId: ID!) {
    exportPeerData(peerId: $peerId)
  }
`);
