// Destinations: the union of every registered destination type's schema, told apart by `type`.
import { z } from 'zod';
import { destinationConfigSchemas, destinationTypes } from '../destinations/registry';
import { orList } from '../base/plugin-union';
import { defaultType, type Env } from '../base/fields';

export const destinationSchema = (env: Env) =>
  z.preprocess(
    defaultType,
    z.discriminatedUnion('type', destinationConfigSchemas(env), { error: `type must be ${orList(destinationTypes())}` }),
  );
