import type { Messages } from '../i18n/types';

/** Names the backend and the UI share: roles (audit actions: ../audit/messages.ts). */
export const messages: Messages = {
  'zh-CN': {
    'role.counter': '前台',
    'role.technician': '维修工程师',
    'role.manager': '店长',
    'role.admin': '管理员',
    'system.error.settingsManagedByHq': '本店已接入总部，这些设置由总部管理，不能在本店修改：{fields}',
    'system.error.fieldManagedByHq': '由总部管理，不能在本店修改',
    'system.error.userManagedByHq': '该账号由总部开通，姓名、角色、停用和密码重置都由总部管理，请联系总部修改',
  },
  en: {
    'role.counter': 'Counter',
    'role.technician': 'Technician',
    'role.manager': 'Manager',
    'role.admin': 'Admin',
    'system.error.settingsManagedByHq': 'This shop is enrolled with head office, which manages these settings; they cannot be changed here: {fields}',
    'system.error.fieldManagedByHq': 'Managed by head office; cannot be changed here',
    'system.error.userManagedByHq': 'Head office provisioned this account: its name, role, status and password resets are managed by head office; ask head office to change them',
  },
};
