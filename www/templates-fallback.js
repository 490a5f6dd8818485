// TEMPORARY: the template registry's shape until the wasm module exports
// templates(); app.js uses this only when that export is missing. Delete
// this file when templates() lands.
const older = (id, title, titleEn) => ({
  id, title, titleEn, amountUnit: '元',
  levels: [
    { name: '投入和管理目标', children: ['投入管理', '财务管理', '项目管理', '业务制度管理', '项目实施管理', '实施管理', '资产管理'] },
    { name: '产出目标', children: ['数量', '质量', '时效', '成本'] },
    { name: '效果目标', children: ['经济效益', '社会效益', '环境效益', '生态效益', '满意度'] },
    { name: '影响力目标', children: ['长效管理', '人力资源', '配套设施', '信息共享', '满意度'] },
  ],
  choices: id === 'T2019' ? {
    projectType: ['市委市政府已确定的新增项目', '结转项目', '其他一次性项目', '经常性专项业务费', '其他经常性项目'],
    fundUse: ['基本建设工程类', '信息化建设类', '政策补贴类', '政府购买服务', '资产购置类', '其他事业专业类'],
  } : {},
});

export const TEMPLATES = [
  {
    id: 'T2021', title: '上海市 2021 版项目绩效目标申报表', titleEn: 'Shanghai 2021 form', amountUnit: '元',
    levels: [
      { name: '产出指标', children: ['数量指标', '质量指标', '时效指标', '成本指标'] },
      { name: '成本指标', children: ['经济成本指标', '社会成本指标', '生态环境成本指标'] },
      { name: '效益指标', children: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'] },
      { name: '满意度指标', children: ['服务对象满意度指标'] },
    ],
    choices: {
      projectNature: ['经常性项目', '阶段性项目', '一次性项目', '其他经常性项目', '其他一次性项目'],
      projectCategory: ['特定目标类', '其他运转类', '运转类', '公用经费类', '人员类'],
    },
  },
  older('T2020', '上海市 2020 版项目绩效目标申报表', 'Shanghai 2020 form'),
  older('T2019', '上海市 2019 版项目绩效目标申报表', 'Shanghai 2019 form'),
];
