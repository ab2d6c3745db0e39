export { ClientOrigin as Origin } from '#libs/shared-kernel';
