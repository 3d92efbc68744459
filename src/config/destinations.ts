// Destinations: the union of every registered destination type's schema, told apart by `type`.
import { z } from 'zod';
import { DESTINATION_TYPES, destinationConfigSchemas } from '../destinations/registry';
import { orList } from './plugin-union';
import { defaultType, type Env } from './fields';

export const destinationSchema = (env: Env) =>
  z.preprocess(
    defaultType,
    z.discriminatedUnion('type', destinationConfigSchemas(env), { error: `type must be ${orList(DESTINATION_TYPES)}` }),
  );
