/**
 * Realistic Chinese counter data, shared by the demo shop and the generated history:
 * names, mobile prefixes, brands and models per category, and fault descriptions.
 */
import type { DeviceCategory } from '../../shared/devices/categories';

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '潘', '袁', '蔡', '蒋', '余', '欧阳', '司马'];
export const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '小明', '建华', '志强', '晓燕', '海涛', '婷', '雪', '浩然', '子涵', '梓萱', '宇轩', '欣怡', '俊杰', '思远', '佳怡', '文博', '一鸣', '晨曦'];
/** Mobile number blocks libphonenumber accepts as CN mobiles. */
export const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159', '166', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189', '198', '199'];
export const COMPANIES = ['深圳市华强电子有限公司', '福田区第一小学', '平安保险深圳分公司', '招商银行车公庙支行', '腾讯科技', '顺丰速运', '万科物业'];
export const STREETS = ['深南大道', '华强北路', '福华路', '红荔路', '莲花路', '新洲路', '彩田路'];

export interface ModelLine {
  brand: string;
  models: readonly string[];
  /** First 8 digits of real-looking IMEIs (TAC) for this brand; absent for serial-only devices. */
  tacs?: readonly string[];
  serialPrefix: string;
}

export const CATALOG: Record<DeviceCategory, readonly ModelLine[]> = {
  phone: [
    { brand: '华为', models: ['Mate 60 Pro', 'Mate 70', 'P60 Pro', 'Pura 70 Ultra', 'nova 12', 'Mate X5'], tacs: ['86446706', '86690306', '86872105'], serialPrefix: 'HW' },
    { brand: '小米', models: ['Xiaomi 14', 'Xiaomi 15 Pro', 'Redmi K70', 'Redmi Note 13 Pro', 'MIX Fold 4'], tacs: ['86851006', '86176505'], serialPrefix: 'XM' },
    { brand: 'OPPO', models: ['Find X7', 'Reno 11', 'A2 Pro', 'Find N3'], tacs: ['86394405', '86982206'], serialPrefix: 'OP' },
    { brand: 'vivo', models: ['X100 Pro', 'S18', 'iQOO 12', 'Y78'], tacs: ['86716905', '86542106'], serialPrefix: 'VV' },
    { brand: 'Apple', models: ['iPhone 15', 'iPhone 15 Pro Max', 'iPhone 14', 'iPhone 13', 'iPhone 16 Pro'], tacs: ['35386811', '35391415', '35883209'], serialPrefix: 'F' },
    { brand: '荣耀', models: ['Magic6 Pro', 'Honor 100', 'X50', 'Magic V2'], tacs: ['86754106', '86012307'], serialPrefix: 'HN' },
  ],
  tablet: [
    { brand: '华为', models: ['MatePad Pro 13.2', 'MatePad 11.5'], tacs: ['86755305'], serialPrefix: 'HWP' },
    { brand: 'Apple', models: ['iPad Air 5', 'iPad Pro 12.9', 'iPad 10'], tacs: ['35467011'], serialPrefix: 'DMP' },
    { brand: '小米', models: ['Xiaomi Pad 6', 'Redmi Pad SE'], tacs: ['86203606'], serialPrefix: 'XMP' },
  ],
  laptop: [
    { brand: '联想', models: ['ThinkPad X1 Carbon', 'ThinkPad T14', '小新 Pro 16', '拯救者 Y9000P'], serialPrefix: 'PF' },
    { brand: '华为', models: ['MateBook X Pro', 'MateBook 14', 'MateBook D 16'], serialPrefix: 'HWL' },
    { brand: 'Apple', models: ['MacBook Air M2', 'MacBook Pro 14'], serialPrefix: 'C02' },
    { brand: '戴尔', models: ['XPS 13', 'Latitude 5440', '灵越 14'], serialPrefix: 'DL' },
  ],
  desktop: [
    { brand: '联想', models: ['天逸 510S', 'ThinkCentre M90'], serialPrefix: 'MJ' },
    { brand: '惠普', models: ['战 66 台式机', 'EliteDesk 800'], serialPrefix: 'CN' },
  ],
  tv: [
    { brand: '海信', models: ['65E7K', '75U8KL', '55E3H'], serialPrefix: 'HX' },
    { brand: 'TCL', models: ['65Q10G', '75T7H', '55V8E'], serialPrefix: 'TCL' },
    { brand: '小米', models: ['Redmi X65', '小米电视 S Pro 85'], serialPrefix: 'MTV' },
    { brand: '创维', models: ['65A5D', '55G33'], serialPrefix: 'SKW' },
  ],
  refrigerator: [
    { brand: '海尔', models: ['BCD-470WGHTDEDW9', 'BCD-535WGHSSEDS9'], serialPrefix: 'HR' },
    { brand: '美的', models: ['BCD-606WKPZM(E)', 'BCD-431WTPZM'], serialPrefix: 'MD' },
    { brand: '容声', models: ['BCD-529WD18HP'], serialPrefix: 'RS' },
  ],
  washing_machine: [
    { brand: '海尔', models: ['EG100MATE35S', 'XQB100-Z206'], serialPrefix: 'HRW' },
    { brand: '小天鹅', models: ['TG100V88WMUIADY5', 'TD100VT86WMADT'], serialPrefix: 'XTE' },
    { brand: '美的', models: ['MG100V11F', 'MD100VT13DS5'], serialPrefix: 'MDW' },
  ],
  air_conditioner: [
    { brand: '格力', models: ['KFR-35GW/NhGc1B 云佳', 'KFR-72LW 云锦'], serialPrefix: 'GL' },
    { brand: '美的', models: ['KFR-35GW/N8XHC1 酷省电', 'KFR-51LW/N8MJA3'], serialPrefix: 'MDA' },
    { brand: '海尔', models: ['KFR-35GW/81@U1-Jg', 'KFR-72LW/28LBA81U1'], serialPrefix: 'HRA' },
  ],
  microwave: [{ brand: '格兰仕', models: ['G80F23CN3L-Q6', 'P70D20TL-D4'], serialPrefix: 'GLS' }],
  video_recorder: [{ brand: '海康威视', models: ['DS-7808N-R2'], serialPrefix: 'HK' }],
  small_appliance: [
    { brand: '美的', models: ['电饭煲 MB-FB40Simple111', '电磁炉 C21-WT2112'], serialPrefix: 'MDS' },
    { brand: '九阳', models: ['豆浆机 DJ13B-D08D', '破壁机 L18-Y915S'], serialPrefix: 'JY' },
    { brand: '戴森', models: ['V12 Detect Slim', 'Supersonic HD15'], serialPrefix: 'DY' },
  ],
};

/** How often each category comes to a shop like ours (phones dominate the counter). */
export const CATEGORY_WEIGHTS: [DeviceCategory, number][] = [
  ['phone', 60],
  ['tablet', 6],
  ['laptop', 12],
  ['desktop', 3],
  ['tv', 6],
  ['refrigerator', 4],
  ['washing_machine', 4],
  ['air_conditioner', 4],
  ['microwave', 0.5],
  ['small_appliance', 0.5],
];

/** Free-text details a counter adds after the common fault. */
export const FAULT_DETAILS = ['摔落后出现', '使用中突然', '进水后', '充电时', '更新系统后', '偶尔出现', '一直如此', '开机几分钟后', '客户称已维修过一次', '低温环境下', '通话时明显', '外出途中'];
export const COLOURS = ['黑色', '白色', '银色', '金色', '蓝色', '绿色', '紫色', '雅川青', '深空灰', '星光色'];
