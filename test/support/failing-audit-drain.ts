// Preloaded into a service process (see startServiceProcess): every GraphQL request then fails in
// a plugin's willSendResponse hook, a failure only Apollo Server itself sees and reports.
import { AuditTrail } from '../../src/audit/audit-trail';

AuditTrail.prototype.drain = () => {
  throw new Error('audit trail unavailable');
};
