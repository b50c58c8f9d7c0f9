import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { principalOf } from '../auth/authentication';
import type { Principal } from '../auth/principal';
import type { WithAccess } from './access-context';

/** Who made a change and through which operation: what its audit row says. */
export interface Actor {
  principal: Principal;
  /** The schema's field name (createPeer, acceptSuggestion), never the client's alias. */
  operation: string;
}

/** The verified caller of this operation, as its policy let them through. */
export const CurrentActor = createParamDecorator((_data: unknown, execution: ExecutionContext): Actor => {
  const graphql = GqlExecutionContext.create(execution);
  const context = graphql.getContext<WithAccess>();
  return {
    principal: principalOf(context.access.authentication),
    operation: graphql.getInfo<{ fieldName: string }>().fieldName,
  };
});
