import type { Backend } from '../backend';

/** The demo shop's people; their logins are printed when the demo starts. */
export const DEMO_USERS = [
  { username: 'admin', displayName: '赵管理', role: 'admin', password: 'admin-demo', pin: '0000' },
  { username: 'wang', displayName: '王店长', role: 'manager', password: 'manager-demo', pin: '1111' },
  { username: 'li', displayName: '李前台', role: 'counter', password: 'counter-demo', pin: '2222' },
  { username: 'zhang', displayName: '张工', role: 'technician', password: 'tech-demo', pin: '3333' },
  { username: 'chen', displayName: '陈工', role: 'technician', password: 'tech-demo', pin: '4444' },
] as const;

export const DEMO_SHOP = {
  name: '深圳福田授权服务中心',
  code: 'SZ01',
  address: '深圳市福田区华强北路1002号赛格广场3楼',
  phone: '0755-83216688',
  hotline: '400-880-6688',
  timeZone: 'Asia/Shanghai',
  currency: 'CNY',
  language: 'zh-CN',
} as const;

/** Sets up the shop and its staff through the procedures themselves, as a person would. */
export async function seedDemoUsers(backend: Backend): Promise<string> {
  const [admin, ...staff] = DEMO_USERS;
  const session = await backend.call('setup.run', {
    shop: DEMO_SHOP,
    admin: { username: admin.username, displayName: admin.displayName, password: admin.password, pin: admin.pin },
  });
  for (const u of staff) await backend.call('users.create', { ...u }, { token: session.token });
  return session.token;
}
