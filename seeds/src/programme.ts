import { Programme } from '@onemap/domain/programme'

/**
 * The programme set by the High-tech Zone work report of 2 August 2020: three years to build every
 * planned road through and start every planned public facility. Figures are the report's; 亿 = 1e8 yuan.
 */
export const PROGRAMME_2020 = Programme.parse({
  id: 'gaoxin-2020-three-year',
  name_zh: '高新区三年行动目标（2020—2023）',
  name_en: 'High-tech Zone three-year goals (2020–2023)',
  window_start: '2020-08-02',
  deadline: '2023-08-02',
  source: '郑州高新区工作报告，2020-08-02 (High-tech Zone work report, 2 August 2020)',
  goals: [
    { id: 'roads-built-through', title_zh: '修通所有区内规划道路', title_en: 'Every planned road in the zone built through' },
    {
      id: 'facilities-started',
      title_zh: '规划学校、医院等公共设施全部开工',
      title_en: 'Every planned school, hospital and public facility started',
    },
    { id: 'urbanised', title_zh: '全域城市化', title_en: 'The whole zone urbanised' },
    {
      id: 'renewal-south',
      title_zh: '南部17.5平方公里产业区产城更新',
      title_en: 'Renew the 17.5 km² southern industrial area',
      value: 17.5,
      unit: 'km²',
    },
    { id: 'river-chiefs', title_zh: '5条河流落实河长制', title_en: 'River-chief system on 5 rivers', value: 5, unit: 'rivers' },
    {
      id: 'one-map',
      title_zh: '城市运行一张网、城市数据一块屏、国土规划一幅图',
      title_en: 'One network for city operations, one screen for city data, one map for planning',
    },
  ],
  targets: [
    { id: 'projects-under-construction-2020', title_zh: '在建项目投资', title_en: 'Projects under construction', year: 2020, value: 175, unit: '亿元', comparator: '>=' },
    { id: 'fixed-asset-investment-2020', title_zh: '固定资产投资', title_en: 'Fixed-asset investment', year: 2020, value: 470, unit: '亿元', comparator: '=' },
    { id: 'infrastructure-investment-2020', title_zh: '基础设施投资', title_en: 'Infrastructure investment', year: 2020, value: 185, unit: '亿元', comparator: '=' },
    { id: 'industrial-investment-2020', title_zh: '工业投资（增长20%）', title_en: 'Industrial investment (+20%)', year: 2020, value: 120, unit: '亿元', comparator: '=' },
    { id: 'livelihood-investment-2020', title_zh: '民生投资', title_en: 'Livelihood investment', year: 2020, value: 180, unit: '亿元', comparator: '=' },
    { id: 'resettlement-housing-2020', title_zh: '安置房交付', title_en: 'Resettlement housing delivered', year: 2020, value: 236, unit: '万m²', comparator: '=' },
    { id: 'resettlement-units-signed-2020', title_zh: '安置房签约', title_en: 'Resettlement units signed', year: 2020, value: 9000, unit: '套', comparator: '>=' },
    { id: 'new-high-tech-enterprises-2020', title_zh: '新增高新技术企业', title_en: 'New high-tech enterprises', year: 2020, value: 260, unit: '家', comparator: '=' },
    { id: 'tech-smes-2020', title_zh: '科技型中小企业', title_en: 'Tech SMEs', year: 2020, value: 1800, unit: '家', comparator: '=' },
    { id: 'rd-intensity-2020', title_zh: '研发投入占GDP比重', title_en: 'R&D spend as share of GDP', year: 2020, value: 9, unit: '%', comparator: '=' },
    { id: 'gdp-2022', title_zh: '地区生产总值', title_en: 'GDP', year: 2022, value: 700, unit: '亿元', comparator: '>=' },
    { id: 'leading-industries-2022', title_zh: '主导产业占工业比重', title_en: 'Leading industries share of industry', year: 2022, value: 80, unit: '%', comparator: '>=' },
    { id: 'strategic-emerging-2022', title_zh: '战略性新兴产业占比', title_en: 'Strategic emerging industries share', year: 2022, value: 50, unit: '%', comparator: '>=' },
    { id: 'high-tech-value-added-2022', title_zh: '高新技术产业增加值占规上工业比重', title_en: 'High-tech value added share of above-scale industry', year: 2022, value: 80, unit: '%', comparator: '>=' },
    { id: 'rd-intensity-2022', title_zh: '研发投入强度', title_en: 'R&D intensity', year: 2022, value: 9, unit: '%', comparator: '>=' },
    { id: 'world-class-park-2025', title_zh: '千亿级世界一流高科技园区', title_en: 'A world-class high-tech park of 1000亿 scale', year: 2025 },
  ],
})
