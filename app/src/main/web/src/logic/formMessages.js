// form-js words its validation messages in English only; these are their Chinese, applied to
// what the form's validator answers (formjs.js), so an officer reads every message in Chinese.

const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项'],
  [/^Value is not a number\.$/, () => '请填写数字'],
  [/^Value is expected to be an integer\.$/, () => '请填写整数'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (n) => `最多保留 ${n} 位小数`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/, (a, b) => `请选择有效值，最接近的有效值为 ${a} 和 ${b}`],
  [/^Field must match pattern (.+)\.$/, () => '填写的格式不符合要求'],
  [/^Field must have minimum value of (.+)\.$/, (n) => `不得小于 ${n}`],
  [/^Field must have maximum value of (.+)\.$/, (n) => `不得大于 ${n}`],
  [/^Field must have minimum length of (\d+)\.$/, (n) => `至少填写 ${n} 个字符`],
  [/^Field must have maximum length of (\d+)\.$/, (n) => `最多填写 ${n} 个字符`],
  [/^Field must be a valid {1,2}international phone number\..*$/, () => '请填写有效的国际电话号码（如 +8613800000000）'],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮件地址']
]

/** The message in Chinese; one this table does not know stays as form-js wrote it. */
export function chineseFormError(message) {
  for (const [pattern, wording] of MESSAGES) {
    const match = pattern.exec(message)
    if (match) {
      return wording(...match.slice(1))
    }
  }
  return message
}

/** Makes the form's validator answer in Chinese. */
export function validateInChinese(form) {
  const validator = form.get('validator')
  for (const method of ['validateField', 'validateFieldInstance']) {
    const original = validator[method].bind(validator)
    validator[method] = (...args) => original(...args).map(chineseFormError)
  }
}

// The few words form-js writes into its fields rather than its messages: the file picker's label
// and the search placeholder of its selects.
const FIELD_WORDS = [
  [/^No files selected$/, () => '未选择文件'],
  [/^(\d+) files selected$/, (n) => `已选择 ${n} 个文件`],
  [/^Search$/, () => '搜索']
]

/** A word form-js wrote into a field, in Chinese; anything else (a file's name) unchanged. */
export function chineseFieldWord(text) {
  for (const [pattern, wording] of FIELD_WORDS) {
    const match = pattern.exec(text)
    if (match) {
      return wording(...match.slice(1))
    }
  }
  return text
}

/**
 * Keeps form-js's own words in Chinese as it renders: text nodes and placeholders are rewritten
 * when they appear or change. Returns what stops it.
 */
export function wordFieldsInChinese(root) {
  const rewrite = (node) => {
    if (node.nodeType === 3) {
      const chinese = chineseFieldWord(node.data)
      if (chinese !== node.data) {
        node.data = chinese
      }
      return
    }
    if (node.nodeType !== 1) {
      return
    }
    for (const element of [node, ...node.querySelectorAll('[placeholder]')]) {
      const placeholder = element.getAttribute && element.getAttribute('placeholder')
      if (placeholder && chineseFieldWord(placeholder) !== placeholder) {
        element.setAttribute('placeholder', chineseFieldWord(placeholder))
      }
    }
    const walker = node.ownerDocument.createTreeWalker(node, 4)
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      rewrite(text)
    }
  }
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'childList') {
        mutation.addedNodes.forEach(rewrite)
      } else {
        rewrite(mutation.target)
      }
    }
  })
  observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['placeholder'] })
  rewrite(root)
  return () => observer.disconnect()
}
