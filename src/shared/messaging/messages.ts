/** zh-CN and en words of the shop's own text-message gateway (issue 20 point 4): its refusals. */
import type { Messages } from '../i18n/types';

export const messages: Messages = {
  'zh-CN': {
    'messaging.error.secretRequired': '请填写密钥（本店尚未保存此服务商的密钥）',
  },
  en: {
    'messaging.error.secretRequired': 'Enter the secret (none is saved for this provider yet)',
  },
};
