/** Public API of the document builders (pure: model → pdfmake document definition). */
export * from './settings';
export * from './types';
export * from './formats';
export * from './format';
export * from './blocks';
export { shopTerms } from './terms';
export { tr } from './translate';
export { intakeReceiptModelSchema, buildIntakeReceipt, SERVICE_TYPES, CONDITION_STATES, PASSCODE_STATES, type IntakeReceiptModel, type IntakeReceiptInput } from './intake-receipt';
export { deviceLabelModelSchema, buildDeviceLabel, type DeviceLabelModel } from './device-label';
export { messages } from './messages';
