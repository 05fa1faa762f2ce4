import type { Messages } from '../i18n/types';

/** Head office's console: its refusals (hq.refusal.<code>, chosen by Accept-Language) and server words. */
export const messages: Messages = {
  'zh-CN': {
    'hq.refusal.FORBIDDEN': '您的角色不能进行此操作',
    'hq.refusal.FOREIGN_ORIGIN': '请求不是来自总部控制台自己的页面，已拒绝',
    'hq.refusal.BAD_CREDENTIALS': '用户名或密码不正确',
    'hq.refusal.LOCKED': '密码错误次数过多，账号已锁定，请 {minutes} 分钟后再试或联系网络管理员',
    'hq.refusal.DISABLED': '该账号已停用，请联系网络管理员',
    'hq.refusal.SESSION_ENDED': '登录已过期或已退出，请重新登录',
    'hq.refusal.VALIDATION': '填写的内容有误：{reason}',
    'hq.refusal.CONFLICT': '已存在：{reason}',
    'hq.refusal.NO_CLAIM': '总部没有这张索赔单（门店可能尚未同步）',
    'hq.refusal.CLAIM_STATE': '索赔单 {number} 现在不在待审核或待结算的状态，不能这样处理',
    'hq.refusal.NO_RECALL': '总部没有这个召回活动',
    'hq.console.notBuilt': '本服务器尚未构建总部控制台',
    'hq.console.noFile': '没有这个文件',
    'validation.hqPassword': '总部账号的密码至少 10 位',
  },
  en: {
    'hq.refusal.FORBIDDEN': 'Your role cannot do this',
    'hq.refusal.FOREIGN_ORIGIN': 'Refused: the request does not come from the head-office console\'s own pages',
    'hq.refusal.BAD_CREDENTIALS': 'Wrong username or password',
    'hq.refusal.LOCKED': 'Too many wrong passwords: the account is locked; try again in {minutes, plural, one {# minute} other {# minutes}} or ask a network admin',
    'hq.refusal.DISABLED': 'This account is disabled; ask a network admin',
    'hq.refusal.SESSION_ENDED': 'Your session has ended: sign in again',
    'hq.refusal.VALIDATION': 'Some fields are not valid: {reason}',
    'hq.refusal.CONFLICT': 'Already exists: {reason}',
    'hq.refusal.NO_CLAIM': 'Head office has no such claim (the shop may not have synced it yet)',
    'hq.refusal.CLAIM_STATE': 'Claim {number} is not waiting for this: it cannot be decided or paid now',
    'hq.refusal.NO_RECALL': 'Head office has no such recall campaign',
    'hq.console.notBuilt': 'The head-office console has not been built on this server',
    'hq.console.noFile': 'No such file',
    'validation.hqPassword': 'A head-office password needs at least 10 characters',
  },
};
