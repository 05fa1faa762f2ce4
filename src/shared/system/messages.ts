import type { Messages } from '../i18n/types';

/** Names the backend and the UI share: roles, audit actions. */
export const messages: Messages = {
  'zh-CN': {
    'role.counter': '前台',
    'role.technician': '维修工程师',
    'role.manager': '店长',
    'role.admin': '管理员',
    'audit.setup.run': '门店初始化',
    'audit.auth.login': '登录',
    'audit.auth.pinSwitch': 'PIN 切换用户',
    'audit.auth.failed': '登录失败',
    'audit.auth.lockedOut': '账号锁定',
    'audit.auth.changePassword': '修改密码',
    'audit.auth.setPin': '设置 PIN',
    'audit.users.create': '新建用户',
    'audit.users.update': '修改用户',
    'audit.users.resetPassword': '重置密码',
    'audit.shop.update': '修改门店设置',
  },
  en: {
    'role.counter': 'Counter',
    'role.technician': 'Technician',
    'role.manager': 'Manager',
    'role.admin': 'Admin',
    'audit.setup.run': 'Shop set up',
    'audit.auth.login': 'Signed in',
    'audit.auth.pinSwitch': 'Switched user with PIN',
    'audit.auth.failed': 'Failed sign-in',
    'audit.auth.lockedOut': 'Account locked',
    'audit.auth.changePassword': 'Changed password',
    'audit.auth.setPin': 'Set PIN',
    'audit.users.create': 'Created user',
    'audit.users.update': 'Changed user',
    'audit.users.resetPassword': 'Reset password',
    'audit.shop.update': 'Changed shop settings',
  },
};
