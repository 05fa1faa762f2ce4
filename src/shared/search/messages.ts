import type { Messages } from '../i18n/types';

export const messages: Messages = {
  'zh-CN': {
    'search.group.customers': '客户',
    'search.group.devices': '设备',
    'search.group.tickets': '工单',
    'search.match.ticket_number': '单号',
    'search.match.phone': '电话',
    'search.match.name': '姓名',
    'search.match.company': '单位',
    'search.match.imei': 'IMEI',
    'search.match.serial': '序列号',
    'search.match.model': '型号',
    'search.match.fault': '故障描述',
    'search.match.text': '文字',
    'search.empty': '没有找到匹配的客户、设备或工单',
  },
  en: {
    'search.group.customers': 'Customers',
    'search.group.devices': 'Devices',
    'search.group.tickets': 'Tickets',
    'search.match.ticket_number': 'Ticket number',
    'search.match.phone': 'Phone',
    'search.match.name': 'Name',
    'search.match.company': 'Company',
    'search.match.imei': 'IMEI',
    'search.match.serial': 'Serial',
    'search.match.model': 'Model',
    'search.match.fault': 'Fault',
    'search.match.text': 'Text',
    'search.empty': 'No customer, device or ticket matches',
  },
};
