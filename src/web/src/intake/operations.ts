import { graphql } from '../api/graphql';
import { ReasonFields } from '../reasons/operations';

export const FindPeople = graphql(`
  query FindPeople($name: String) {
    peers(first: 20, nameContains: $name) {
      totalCount
      edges {
        node {
          id
          displayName
        }
      }
    }
    supportWorkers(first: 20, nameContains: $name) {
      totalCount
      edges {
        node {
          id
          displayName
          active
        }
      }
    }
  }
`);

export const TagsQuery = graphql(`
  query Tags {
    tags {
      id
      kind
      slug
      label
    }
  }
`);

export const PlacesQuery = graphql(`
  query Places($search: String!) {
    places(search: $search, first: 8) {
      suburb
      postcode
      state
      location {
        latitude
        longitude
      }
    }
  }
`);

export const PeerProfileFields = graphql(`
  fragment PeerProfileFields on Peer {
    id
    displayName
    gender
    birthYear
    languages
    modes
    location {
      latitude
      longitude
    }
    maxDistanceKm
    availability
    livedExperiences {
      slug
    }
    interests {
      slug
    }
    culturalBackgrounds {
      slug
    }
    preferences {
      workerGenders
      importance {
        factor
        importance
      }
    }
    consent {
      useLivedExperienceForMatching
      shareLivedExperienceWithWorkers
    }
  }
`);

export const PeerForEditing = graphql(
  `
    query PeerForEditing($id: ID!) {
      peer(id: $id) {
        ...PeerProfileFields
      }
    }
  `,
  [PeerProfileFields],
);

export const CreatePeer = graphql(`
  mutation CreatePeer($input: CreatePeerInput!) {
    createPeer(input: $input) {
      id
      displayName
    }
  }
`);

export const UpdatePeer = graphql(`
  mutation UpdatePeer($id: ID!, $input: UpdatePeerInput!) {
    updatePeer(id: $id, input: $input) {
      id
      displayName
    }
  }
`);

export const ScoreComponentFields = graphql(`
  fragment ScoreComponentFields on ScoreComponent {
    factor
    weight
    value
    contribution
  }
`);

export const PeerCase = graphql(
  `
    query PeerCase($id: ID!) {
      peer(id: $id) {
        id
        displayName
        languages
        modes
        livedExperiences {
          slug
          label
        }
        interests {
          slug
          label
        }
        consent {
          useLivedExperienceForMatching
          shareLivedExperienceWithWorkers
        }
        openRequest {
          id
          status
          createdAt
          suggestions {
            id
            rank
            score
            status
            supportWorker {
              id
              displayName
            }
            explained {
              ...ReasonFields
            }
            breakdown {
              ...ScoreComponentFields
            }
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
  [ScoreComponentFields, ReasonFields],
);

/** What staff watch while a request is worked out: its status alone, so waiting reads no health information. */
export const PeerRequestStatus = graphql(`
  query PeerRequestStatus($id: ID!) {
    peer(id: $id) {
      id
      openRequest {
        id
        status
      }
    }
  }
`);

export const ErasePeer = graphql(`
  mutation ErasePeer($id: ID!) {
    erasePeer(id: $id)
  }
`);

export const ExplainMatch = graphql(
  `
    query ExplainMatch($peerId: ID!, $supportWorkerId: ID!) {
      explainMatch(peerId: $peerId, supportWorkerId: $supportWorkerId) {
        eligible
        excludedBy
        score
        breakdown {
          ...ScoreComponentFields
        }
        explained {
          ...ReasonFields
        }
      }
    }
  `,
  [ScoreComponentFields, ReasonFields],
);

export const WorkerProfileFields = graphql(`
  fragment WorkerProfileFields on SupportWorker {
    id
    displayName
    gender
    birthYear
    languages
    modes
    location {
      latitude
      longitude
    }
    serviceRadiusKm
    availability
    capacity
    activeMatchCount
    active
    acceptingNewPeers
    livedExperiences {
      slug
    }
    interests {
      slug
    }
    culturalBackgrounds {
      slug
    }
  }
`);

export const WorkerForEditing = graphql(
  `
    query WorkerForEditing($id: ID!) {
      supportWorker(id: $id) {
        ...WorkerProfileFields
      }
    }
  `,
  [WorkerProfileFields],
);

export const CreateWorker = graphql(`
  mutation CreateWorker($input: CreateSupportWorkerInput!) {
    createSupportWorker(input: $input) {
      id
      displayName
    }
  }
`);

export const UpdateWorker = graphql(`
  mutation UpdateWorker($id: ID!, $input: UpdateSupportWorkerInput!) {
    updateSupportWorker(id: $id, input: $input) {
      id
      displayName
      active
    }
  }
`);

export const AuditTrailQuery = graphql(`
  query AuditTrail($personId: ID!, $after: String) {
    auditEvents(personId: $personId, first: 50, after: $after) {
      totalCount
      edges {
        node {
          id
          action
          actorRole
          actorSubject
          operation
          occurredAt
          subjectType
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
