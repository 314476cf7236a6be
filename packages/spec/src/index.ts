export type * from './generated/types';
export * from './issues';
export * from './model';
export * from './output';
export * from './references';
