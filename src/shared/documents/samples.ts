/**
 * Sample models: the settings screen's "print a test page", the tests and the benchmark all
 * lay out the same realistic documents.
 */
import type { Locale } from '../i18n/types';
import type { DeviceLabelModel } from './device-label';
import { intakeReceiptModelSchema, type IntakeReceiptModel } from './intake-receipt';
import { documentsSettingsSchema } from './settings';
import { shopTerms } from './terms';
import { tr } from './translate';

export const SAMPLE_TICKET_NUMBER = 'SZ02-2611-0042';

export function sampleIntakeReceipt(locale: Locale): IntakeReceiptModel {
  const zh = locale === 'zh-CN';
  const check = (item: string, state: 'ok' | 'fault' | 'not_checked', note = '') => ({ label: tr(locale, `documents.check.${item}`), state, note });
  return intakeReceiptModelSchema.parse({
    shop: zh
      ? { name: '华强北授权服务中心', address: '深圳市福田区华强北路 1008 号赛格广场 5 楼 5018 室', phone: '0755-8300 1234', hotline: '400-800-1234' }
      : { name: 'Huaqiangbei Authorized Service Centre', address: 'Rm 5018, 5/F SEG Plaza, 1008 Huaqiang North Rd, Futian, Shenzhen', phone: '0755-8300 1234', hotline: '400-800-1234' },
    ticketNumber: SAMPLE_TICKET_NUMBER,
    intakeAt: '2026-11-23T02:35:00Z',
    serviceType: 'carry_in',
    customer: { name: zh ? '张伟' : 'Zhang Wei', phone: '13800138000' },
    device: {
      category: zh ? '手机' : 'Mobile phone',
      brand: 'Huawei',
      model: 'Mate 60 Pro',
      imei: '867530012345674',
      imei2: '867530012345682',
      serial: null,
      colour: zh ? '雅川青' : 'Green',
    },
    fault: zh
      ? '屏幕碎裂、触摸失灵；摔落后右下角无法触控，偶发自动重启。客户要求保留数据。'
      : 'Cracked screen, touch not responding in the lower right corner since a drop; restarts now and then. Customer wants the data kept.',
    condition: [
      check('powers_on', 'ok'),
      check('display', 'fault', zh ? '右下角裂痕' : 'crack lower right'),
      check('touch', 'fault'),
      check('cameras', 'ok'),
      check('buttons', 'ok'),
      check('ports', 'ok'),
      check('liquid_indicator', 'ok'),
      check('cosmetic', 'fault', zh ? '边框磕碰' : 'dented frame'),
    ],
    conditionNote: zh ? '后盖轻微划痕，左上角边框磕碰。' : 'Light scratches on the back; dent on the top-left corner of the frame.',
    accessories: zh ? ['保护壳', '卡托'] : ['Case', 'SIM tray'],
    passcode: 'given',
    dataLossAcknowledged: true,
    depositFen: 10000,
    promisedDate: '2026-11-26',
    warrantyLines: zh
      ? ['整机保修期内（购买日期 2026-03-18，一年保修至 2027-03-17）', '屏幕为人为损坏（摔落），不属于三包范围，需付费维修']
      : ['Within the unit warranty (bought 2026-03-18, one year, until 2027-03-17)', 'Screen damaged by a drop: not covered, paid repair'],
    technician: zh ? '张师傅' : 'Zhang',
    counterStaff: zh ? '李娜' : 'Li Na',
    terms: shopTerms(documentsSettingsSchema.parse({}), locale),
  });
}

export function sampleDeviceLabel(locale: Locale): DeviceLabelModel {
  return {
    ticketNumber: SAMPLE_TICKET_NUMBER,
    customerName: locale === 'zh-CN' ? '张伟' : 'Zhang Wei',
    intakeAt: '2026-11-23T02:35:00Z',
    devices: [{ brand: 'Huawei', model: 'Mate 60 Pro' }],
  };
}
