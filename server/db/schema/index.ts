export * from './auth';
export * from './invitations';
export * from './members';
export * from './settings';
