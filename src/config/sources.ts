// Sources: the union of every registered source type's schema, told apart by `type`.
import { z } from 'zod';
import { SOURCE_TYPE_ERROR, sourceConfigSchemas } from '../sources/registry';
import { defaultType, type Env } from '../base/fields';

export const sourceSchema = (env: Env) =>
  z.preprocess(defaultType, z.discriminatedUnion('type', sourceConfigSchemas(env), { error: SOURCE_TYPE_ERROR }));
