import { describe, expect, it } from 'vitest'
import { chineseFieldWord, chineseFormError, validateInChinese } from '../src/logic/formMessages.js'

describe('chineseFormError', () => {
  it.each([
    ['Field is required.', '此项为必填项'],
    ['Value is not a number.', '请填写数字'],
    ['Value is expected to be an integer.', '请填写整数'],
    ['Value is expected to have at most 2 decimal digits.', '最多保留 2 位小数'],
    ['Field must have minimum length of 10.', '至少填写 10 个字符'],
    ['Field must have maximum value of 180.', '不得大于 180'],
    ['Field must match pattern ^\\d+$.', '填写的格式不符合要求'],
    ['Field must be a valid  international phone number. (e.g. +4930664040900)', '请填写有效的国际电话号码（如 +8613800000000）']
  ])('words %s in Chinese', (english, chinese) => {
    expect(chineseFormError(english)).toBe(chinese)
  })

  it('keeps a message it does not know', () => {
    expect(chineseFormError('请上传现场照片')).toBe('请上传现场照片')
  })
})

describe('validateInChinese', () => {
  it('makes the form validator answer in Chinese', () => {
    const validator = {
      validateField: () => ['Field is required.'],
      validateFieldInstance: () => ['Field must have minimum length of 3.', 'custom']
    }
    validateInChinese({ get: (name) => (name === 'validator' ? validator : null) })
    expect(validator.validateField({}, '')).toEqual(['此项为必填项'])
    expect(validator.validateFieldInstance({}, '')).toEqual(['至少填写 3 个字符', 'custom'])
  })
})

describe('chineseFieldWord', () => {
  it('words the file picker in Chinese', () => {
    expect(chineseFieldWord('No files selected')).toBe('未选择文件')
    expect(chineseFieldWord('3 files selected')).toBe('已选择 3 个文件')
  })

  it('words the search placeholder in Chinese', () => {
    expect(chineseFieldWord('Search')).toBe('搜索')
  })

  it('leaves a chosen file name alone, even one that looks like a word', () => {
    expect(chineseFieldWord('现场照片.jpg')).toBe('现场照片.jpg')
    expect(chineseFieldWord('Search.jpg')).toBe('Search.jpg')
  })
})
