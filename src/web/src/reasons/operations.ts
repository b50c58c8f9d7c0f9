import { graphql } from '../api/graphql';

/** What a page needs of a reason to word it: every page that shows reasons selects this. */
export const ReasonFields = graphql(`
  fragment ReasonFields on Reason {
    code
    language
    distanceKm
    tags {
      slug
      label
    }
  }
`);
