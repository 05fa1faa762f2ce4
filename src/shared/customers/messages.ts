import type { Messages } from '../i18n/types';

export const messages: Messages = {
  'zh-CN': {
    'customers.error.phoneInvalid': '不是有效的中国手机或固话号码',
    'customers.error.phoneRequired': '至少填写一个电话',
    'customers.error.phoneDigits': '请至少输入电话号码的后 4 位',
    'customers.warning.duplicatePhone': '该电话已属于其他客户，是否使用已有客户？',
    'customers.contact.phone': '电话',
    'customers.contact.sms': '短信',
    'customers.contact.wechat': '微信',
    'customers.contact.any': '均可',
    'customers.phoneKind.mobile': '手机',
    'customers.phoneKind.landline': '固话',
  },
  en: {
    'customers.error.phoneInvalid': 'Not a valid Chinese mobile or landline number',
    'customers.error.phoneRequired': 'Enter at least one phone number',
    'customers.error.phoneDigits': 'Enter at least the last 4 digits of the phone number',
    'customers.warning.duplicatePhone': 'This phone belongs to another customer. Use the existing customer?',
    'customers.contact.phone': 'Phone call',
    'customers.contact.sms': 'SMS',
    'customers.contact.wechat': 'WeChat',
    'customers.contact.any': 'Any',
    'customers.phoneKind.mobile': 'Mobile',
    'customers.phoneKind.landline': 'Landline',
  },
};
