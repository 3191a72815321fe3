export * from './canonical-json';
export * from './snapshot';
export * from './diff';
export * from './csv';
export * from './summary';
