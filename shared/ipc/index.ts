export * from './errors';
export * from './schemas';
export * from './contract';
export * from './bridge';
export * from './base-url';
export * from './names';
