export const messages = { 'zh-CN': {}, en: {} };
