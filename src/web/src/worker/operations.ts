import { graphql } from '../api/graphql';

export const WorkerHomeQuery = graphql(`
  query WorkerHome($id: ID!) {
    supportWorker(id: $id) {
      id
      displayName
      acceptingNewPeers
      availability
      active: matches(status: ACTIVE) {
        id
        startedAt
        peer {
          id
          displayName
          languages
          modes
          interests {
            slug
            label
          }
          livedExperiences {
            slug
            label
          }
          culturalBackgrounds {
            slug
            label
          }
        }
      }
      ended: matches(status: ENDED) {
        id
        startedAt
        endedAt
        endReason
      }
    }
  }
`);

export const UpdateOwnWorker = graphql(`
  mutation UpdateOwnWorker($id: ID!, $input: UpdateSupportWorkerInput!) {
    updateSupportWorker(id: $id, input: $input) {
      id
      acceptingNewPeers
      availability
    }
  }
`);
