// `barrage`: the hub as a library. These names are public (test/contract keeps the list).
export { createHub, type Hub, type HubOptions } from './hub';
export { BarrageError, type ErrorCode } from '../base/api-error';
export type { Role } from '../cli/role-names';
export type * from './types';
