import type { Messages } from '../i18n/types';

/** Limits on sign-ins and PIN switching (src/core/auth/guard.ts), said with the numbers people need. */
export const messages: Messages = {
  'zh-CN': {
    'auth.error.sourceWait':
      '这台设备登录失败次数过多。连续失败 {free} 次后，每次再失败，等待时间加倍（最长 {maxMinutes} 分钟）。请 {seconds} 秒后再试。',
    'auth.error.sourceBusy': '这台设备的上一次登录还在校验中，请稍候再试',
    'auth.error.shopBusy': '本店同时在校验的登录太多，请稍候再试',
    'auth.error.noStation':
      'PIN 只能在 {hours} 小时内有人用密码登录过的这个窗口（浏览器标签页）里切换用户。请先用密码登录，之后这里就可以用 PIN 切换。',
    'auth.error.stationLocked': '这个窗口已累计输错 PIN {limit} 次，PIN 切换已停用。请用密码登录，登录后可再次使用 PIN。',
    'auth.error.stationWait':
      '这个窗口 PIN 输错次数过多，请 {seconds} 秒后再试。每次再输错，等待时间加倍；累计输错 {limit} 次后，需用密码登录才能再用 PIN。',
    'auth.error.shopPinWait': '本店各窗口 PIN 输错次数过多，PIN 切换暂停 {seconds} 秒。这期间请用密码登录。',
  },
  en: {
    'auth.error.sourceWait':
      'Too many failed sign-ins from this device. After {free, plural, one {# failure} other {# failures}} in a row, each further failure doubles the wait (up to {maxMinutes, plural, one {# minute} other {# minutes}}). Try again in {seconds, plural, one {# second} other {# seconds}}.',
    'auth.error.sourceBusy': 'The previous sign-in from this device is still being checked; try again in a moment',
    'auth.error.shopBusy': 'Too many sign-ins are being checked in this shop right now; try again in a moment',
    'auth.error.noStation':
      'A PIN switches users only in a window (browser tab) where someone signed in with a password in the last {hours, plural, one {# hour} other {# hours}}. Sign in with your password first; then PINs work here.',
    'auth.error.stationLocked': '{limit, plural, one {# wrong PIN} other {# wrong PINs}} in this window: PIN switching is off here. Sign in with a password to use PINs again.',
    'auth.error.stationWait':
      'Too many wrong PINs in this window; try again in {seconds, plural, one {# second} other {# seconds}}. Each further wrong PIN doubles the wait; after {limit, plural, one {# wrong PIN} other {# wrong PINs}}, a password sign-in is needed before PINs work here again.',
    'auth.error.shopPinWait': 'Too many wrong PINs across this shop: PIN switching is paused for {seconds, plural, one {# second} other {# seconds}}. Sign in with a password meanwhile.',
  },
};
