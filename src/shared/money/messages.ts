import type { Messages } from '../i18n/types';

export const messages: Messages = {
  'zh-CN': {
    'money.error.notAmount': '不是有效的金额（例如 1299.50）',
    'money.error.tooManyDecimals': '金额最多两位小数（到分）',
    'money.error.negative': '金额不能为负数',
    'money.error.tooLarge': '金额过大',
  },
  en: {
    'money.error.notAmount': 'Not an amount (e.g. 1299.50)',
    'money.error.tooManyDecimals': 'At most two decimals (to the fen)',
    'money.error.negative': 'An amount cannot be negative',
    'money.error.tooLarge': 'The amount is too large',
  },
};
