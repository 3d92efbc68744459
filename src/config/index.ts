export * from './schema';
export * from './load';
export * from './temporal-cli';
export * from './derived';
export { destinationSchema } from './destinations';
