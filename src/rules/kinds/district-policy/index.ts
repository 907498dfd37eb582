import { defineKind } from '../kind.js';
import { DistrictPolicyBody } from './body.js';
import { compileDistrictPolicy } from './compile.js';

export const districtPolicyKind = defineKind({
  name: 'district-policy',
  title: '辖区政策：异议答复时限、报告与凭证有效期、授权期限、记录计入年限、时区、各用途可获取的信息',
  body: DistrictPolicyBody,
  compile: compileDistrictPolicy,
});
