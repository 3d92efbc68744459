export * from './schema';
export * from './load';
export * from './temporal-cli';
export * from './derived';
