// The visibility query a replay pages through: closed delivery runs in the window, of the
// statuses asked for, to one destination when given. Event-type patterns are matched per row
// (visibility has no prefix match on every store), and a run that is no longer its delivery's
// latest is skipped there too.
import { visibilityString } from '../base/visibility';
import { SEARCH_ATTRIBUTES, WORKFLOW, type ReplayableStatus, type ReplayFilter } from '../contracts';

const text = visibilityString;

function statusClause(status: ReplayableStatus): string {
  const name = SEARCH_ATTRIBUTES.status.name;
  // Deliveries since revision 2 write no "delivered": a completed run still saying "delivering" was.
  if (status === 'delivered') return `(${name} = 'delivered' OR (${name} = 'delivering' AND ExecutionStatus = 'Completed'))`;
  return `${name} = ${text(status)}`;
}

export function replayQuery(filter: ReplayFilter): string {
  const clauses = [`WorkflowType = ${text(WORKFLOW.delivery)}`, `ExecutionStatus != 'Running'`];
  clauses.push(`(${filter.statuses.map(statusClause).join(' OR ')})`);
  clauses.push(`StartTime >= ${text(filter.since)}`);
  if (filter.until) clauses.push(`StartTime <= ${text(filter.until)}`);
  if (filter.destination) clauses.push(`${SEARCH_ATTRIBUTES.destination.name} = ${text(filter.destination)}`);
  return clauses.join(' AND ');
}
