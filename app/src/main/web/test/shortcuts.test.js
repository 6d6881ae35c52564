import { describe, expect, it } from 'vitest'
import { shortcut, step, typing } from '../src/logic/shortcuts.js'

const press = (key, target = { tagName: 'BODY' }, extra = {}) => ({ key, target, ...extra })

describe('tasklist shortcuts', () => {
  it('maps the keys to actions', () => {
    expect(shortcut(press('j'))).toBe('next')
    expect(shortcut(press('ArrowUp'))).toBe('previous')
    expect(shortcut(press('c'))).toBe('claim')
    expect(shortcut(press('/'))).toBe('filter')
    expect(shortcut(press('x'))).toBeNull()
  })

  it('leaves keys typed into a field or with a modifier alone', () => {
    expect(shortcut(press('j', { tagName: 'INPUT' }))).toBeNull()
    expect(shortcut(press('c', { tagName: 'TEXTAREA' }))).toBeNull()
    expect(shortcut(press('r', { tagName: 'DIV', isContentEditable: true }))).toBeNull()
    expect(shortcut(press('r', { tagName: 'BODY' }, { ctrlKey: true }))).toBeNull()
    expect(typing(null)).toBe(false)
  })

  it('steps within the page, starting at either end', () => {
    const tasks = [{ key: 'a' }, { key: 'b' }, { key: 'c' }]
    expect(step(tasks, 'a', 1)).toBe('b')
    expect(step(tasks, 'c', 1)).toBe('c')
    expect(step(tasks, 'a', -1)).toBe('a')
    expect(step(tasks, null, 1)).toBe('a')
    expect(step(tasks, null, -1)).toBe('c')
    expect(step([], null, 1)).toBeNull()
  })
})
