export * from './names';
export * from './types';
export * from './ids';
export * from './backoff';
export * from './search-attributes';
export * from './replays';
export * from './erasures';
