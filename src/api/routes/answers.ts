// Answers more than one area of the route table gives.
import type { Answer } from '../route';

export const configDefined: Answer = { description: 'defined in the config file', codes: ['managed_by_config'] };
