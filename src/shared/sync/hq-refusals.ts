/**
 * zh-CN and en words of head office's own refusals (the `message` of `{ error: { code, message,
 * details } }`), chosen by the request's Accept-Language. A shop reads the code and says it in
 * its own words (messages.ts); these are for the people who call head office directly: admins,
 * scripts, a proxy's log, an attacker told no in plain words.
 */
import type { Messages } from '../i18n/types';

export const messages: Messages = {
  'zh-CN': {
    'hq.refusal.PROTOCOL_MISMATCH': '同步协议版本不一致：总部使用第 {expected} 版，请更新 Fixpoint',
    'hq.refusal.SHOP_OUTDATED': '门店数据库版本 {shopSchema} 过旧，总部至少需要 {minSchema}，请更新 Fixpoint',
    'hq.refusal.HQ_OUTDATED': '门店数据库版本 {shopSchema} 比总部新（总部最高支持 {maxSchema}），请升级总部服务器',
    'hq.refusal.UNAUTHENTICATED': '缺少门店凭证，或总部不认识该凭证',
    'hq.refusal.UNAUTHENTICATED.admin': '缺少管理凭证，或管理凭证不正确',
    'hq.refusal.UNAUTHENTICATED.adminOff': '总部管理接口未开启：请用 HQ_ADMIN_TOKEN 启动总部服务器',
    'hq.refusal.TOKEN_REVOKED': '该门店凭证已被总部撤销',
    'hq.refusal.BAD_ENROLLMENT_CODE': '加入码无效、已使用或已过期',
    'hq.refusal.MALFORMED': '请求格式不正确：{reason}',
    'hq.refusal.MALFORMED.badUrl': '请求地址的百分号编码不正确',
    'hq.refusal.MALFORMED.notJson': '请求内容不是 JSON',
    'hq.refusal.WRONG_SHOP': '这批数据不属于该凭证的门店',
    'hq.refusal.UNKNOWN_TABLE': '总部不认识数据表“{table}”',
    'hq.refusal.ROW_INVALID': '表“{table}”中的记录 {id} 不符合格式：{reason}',
    'hq.refusal.SEQUENCE_GAP': '缺少之前的数据，请从第 {expected} 条开始发送',
    'hq.refusal.TOO_LARGE': '请求内容超过总部允许的大小（最多 {limitMb} MB）',
    'hq.refusal.NOT_FOUND': '总部没有这个地址：{path}',
    'hq.refusal.RATE_LIMITED': '请求过于频繁，请在 {retryAfter} 秒后重试',
    'hq.refusal.TIMEOUT': '请求内容在 {seconds} 秒内没有传完，总部已中断接收',
    'hq.refusal.INTERNAL': '总部服务器内部错误，已记录',
  },
  en: {
    'hq.refusal.PROTOCOL_MISMATCH': 'Sync protocol mismatch: head office speaks version {expected}; update Fixpoint',
    'hq.refusal.SHOP_OUTDATED': 'Shop database version {shopSchema} is too old; head office needs at least {minSchema}: update Fixpoint',
    'hq.refusal.HQ_OUTDATED': 'Shop database version {shopSchema} is newer than head office supports ({maxSchema}): upgrade the head-office server',
    'hq.refusal.UNAUTHENTICATED': 'Shop token missing or unknown to head office',
    'hq.refusal.UNAUTHENTICATED.admin': 'Admin token missing or wrong',
    'hq.refusal.UNAUTHENTICATED.adminOff': 'The head-office admin API is off: start the server with HQ_ADMIN_TOKEN',
    'hq.refusal.TOKEN_REVOKED': 'Head office revoked this shop token',
    'hq.refusal.BAD_ENROLLMENT_CODE': 'The enrollment code is wrong, used or expired',
    'hq.refusal.MALFORMED': 'Malformed request: {reason}',
    'hq.refusal.MALFORMED.badUrl': 'The request path has malformed percent-encoding',
    'hq.refusal.MALFORMED.notJson': 'The request body is not JSON',
    'hq.refusal.WRONG_SHOP': 'This batch does not belong to the token\'s shop',
    'hq.refusal.UNKNOWN_TABLE': 'Head office does not know the table "{table}"',
    'hq.refusal.ROW_INVALID': 'Record {id} of "{table}" is not valid: {reason}',
    'hq.refusal.SEQUENCE_GAP': 'Earlier records are missing: send again from number {expected}',
    'hq.refusal.TOO_LARGE': 'The request body is larger than head office accepts (at most {limitMb} MB)',
    'hq.refusal.NOT_FOUND': 'Head office has no such address: {path}',
    'hq.refusal.RATE_LIMITED': 'Too many requests: try again in {retryAfter} s',
    'hq.refusal.TIMEOUT': 'The request body did not arrive within {seconds} s; head office stopped reading it',
    'hq.refusal.INTERNAL': 'Internal head-office error (logged)',
  },
};
