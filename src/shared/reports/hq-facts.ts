/** What head office needs from the pure report math (re-exported so the HQ server imports one module). */
export { factsFromEvents, returnFlags, faultKeyOf as factKeyOf, type StatusEvent } from './math';
